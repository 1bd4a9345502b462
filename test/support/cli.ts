import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/core/paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real `borderlink` command, from source: the program and its leading arguments. */
export const cliCommand = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
export const cliArgs: readonly string[] = [path.join(projectRoot, 'src', 'cli', 'main.ts')];

/** Runs the real `borderlink` command (from source) with the given environment and optional stdin. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cliCommand, [...cliArgs, ...args], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Starts `borderlink serve` as a separate process; resolves once it prints that it listens. */
export function startCliNode(env: Record<string, string | undefined>) {
  const child = spawn(cliCommand, [...cliArgs, 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`node exited with ${code} before listening:\n${output}`)));
  });
  return { child, listening, exited, output: () => output };
}
