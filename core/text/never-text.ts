/**
 * Code points that are never text: Unicode non-characters (U+FDD0–U+FDEF and the last two code
 * points of every plane, U+FFFE, U+FFFF, U+1FFFE …), and, for XML, lone surrogates and the C0
 * controls XML 1.0 forbids. A corpus file or a request may carry them; a Word document containing
 * one is not well-formed XML, and Word refuses to open it.
 */

// Written out by code unit (no `u` flag): the supplementary non-characters are the high surrogates
// D83F, D87F, …, DBFF followed by DFFE or DFFF.
const nonCharacters = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlForbiddenControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** `text` without Unicode non-characters. */
export function stripNonCharacters(text: string): string {
  return text.replace(nonCharacters, '');
}

/** `text` as XML 1.0 can hold it: without non-characters, lone surrogates and forbidden controls. */
export function xmlSafeText(text: string): string {
  return stripNonCharacters(text).replace(loneSurrogates, '').replace(xmlForbiddenControls, '');
}
