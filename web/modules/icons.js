/**
 * Icons drawn as SVG, so they look the same on every machine (emoji depend on the fonts a system
 * happens to have).
 */

const svgNamespace = 'http://www.w3.org/2000/svg';

/** A thumb: up (有用) or down (没用), in the current text colour. */
export function thumbIcon(/** @type {'up' | 'down'} */ direction) {
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon thumb-${direction}`);
  const path = document.createElementNS(svgNamespace, 'path');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.8');
  path.setAttribute('stroke-linejoin', 'round');
  path.setAttribute('d', 'M7 10v10H4V10h3zm0 0 4-7c1.6 0 2.6 1.2 2.3 2.8L12.8 9H19a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.8 20H7');
  if (direction === 'down') svg.style.transform = 'rotate(180deg)';
  svg.append(path);
  return svg;
}
