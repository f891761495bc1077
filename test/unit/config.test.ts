import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readEnvFile, renderEnvExample, settings } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('config', () => {
  it('has defaults for every setting', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.CORPUS_DIR).toBe('corpus');
    expect(config.INDEX_DIR).toBe('data/index');
    expect(config.ALLOW_REMOTE_MODELS).toBe(true);
    expect(config.OPENAI_API_KEY).toBe('');
    expect(Object.keys(config).sort()).toEqual(Object.keys(settings).sort());
  });

  it('reads values and names the variable that is wrong', () => {
    expect(loadConfig({ PORT: '8080', ALLOW_REMOTE_MODELS: 'false' })).toMatchObject({ PORT: 8080, ALLOW_REMOTE_MODELS: false });
    try {
      loadConfig({ PORT: 'eighty', RATE_LIMIT_PER_MINUTE: '-1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFIG_INVALID');
      expect((error as AppError).message).toMatch(/PORT="eighty"/);
      expect((error as AppError).message).toMatch(/RATE_LIMIT_PER_MINUTE/);
    }
  });

  it('refuses an ACCESS_TOKEN that is not printable ASCII, naming it without echoing it', () => {
    for (const token of ['党建2024', 'two words', 'tab\there', 'é-accent']) {
      const error = (() => {
        try {
          loadConfig({ ACCESS_TOKEN: token });
        } catch (thrown) {
          return thrown as AppError;
        }
        throw new Error(`${token} was accepted`);
      })();
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('ACCESS_TOKEN=(hidden): must be printable ASCII');
      expect(error.message).not.toContain(token);
    }
    expect(loadConfig({ ACCESS_TOKEN: 'pbqa-Token_2024!~' }).ACCESS_TOKEN).toBe('pbqa-Token_2024!~');
  });

  it('.env.example lists every setting with its default', () => {
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    expect(example).toBe(renderEnvExample());
    const parsed = readEnvFile(path.join(root, '.env.example'));
    for (const [name, entry] of Object.entries(settings)) expect(parsed[name], name).toBe(entry.default);
  });

  it('reads a .env file and ignores a missing one', () => {
    expect(readEnvFile('/nonexistent/.env')).toEqual({});
  });
});
