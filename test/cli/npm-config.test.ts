/** npm commands in this project run without warnings about the project's own configuration (issue 14, item 11). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm configuration', () => {
  it('prints no "Unknown project config" warning', () => {
    const out = execFileSync('npm', ['pkg', 'get', 'name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out.trim()).toBe('"vn-docsearch"');
    const stderr = execFileSync('sh', ['-c', 'npm pkg get name 2>&1 >/dev/null'], { encoding: 'utf8' });
    expect(stderr).not.toMatch(/Unknown project config/);
    if (existsSync('.npmrc')) expect(readFileSync('.npmrc', 'utf8')).not.toMatch(/onnxruntime-node-install/);
  });

  it('still denies onnxruntime-node its install script (it would download CUDA files)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
  });
});
