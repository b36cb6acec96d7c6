// Which `postlint` binary the extension starts: the `postlint.path` setting,
// then the binary bundled in a platform-specific package, then `postlint` on
// PATH, then one in the workspace's Python environment.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";

const EXE = process.platform === "win32" ? "postlint.exe" : "postlint";

export interface Found {
  path: string;
  /** Where it came from, for the status bar and the log. */
  from: "setting" | "bundled" | "PATH" | "Python environment";
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function expand(p: string, folder: string | undefined): string {
  let out = p;
  if (out === "~" || out.startsWith("~/")) {
    out = path.join(os.homedir(), out.slice(1));
  }
  if (folder !== undefined) {
    out = out.split("${workspaceFolder}").join(folder);
  }
  return folder !== undefined && !path.isAbsolute(out) ? path.join(folder, out) : out;
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir !== "" && executable(path.join(dir, EXE))) {
      return path.join(dir, EXE);
    }
  }
  return undefined;
}

/** The scripts folder of the Python environment the Python extension uses. */
async function pythonEnvironment(folder: vscode.WorkspaceFolder | undefined): Promise<string | undefined> {
  const candidates: string[] = [];
  const python = vscode.extensions.getExtension("ms-python.python");
  if (python !== undefined) {
    try {
      const api = python.isActive ? python.exports : await python.activate();
      const active = api?.environments?.getActiveEnvironmentPath?.(folder?.uri);
      if (typeof active?.path === "string") {
        candidates.push(path.dirname(active.path));
      }
    } catch {
      // The Python extension's API is optional.
    }
  }
  if (folder !== undefined) {
    const scripts = process.platform === "win32" ? "Scripts" : "bin";
    for (const venv of [".venv", "venv"]) {
      candidates.push(path.join(folder.uri.fsPath, venv, scripts));
    }
  }
  return candidates.map((dir) => path.join(dir, EXE)).find(executable);
}

/** The binary to start, and the paths of the setting that were not found. */
export async function findBinary(
  extensionPath: string,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<{ found?: Found; missing: string[] }> {
  const config = vscode.workspace.getConfiguration("postlint", folder);
  const setting = config.get<string[] | string>("path") ?? [];
  const wanted = (Array.isArray(setting) ? setting : [setting]).filter((p) => p.trim() !== "");
  const missing: string[] = [];
  for (const p of wanted) {
    const file = expand(p, folder?.uri.fsPath);
    if (executable(file)) {
      return { found: { path: file, from: "setting" }, missing };
    }
    missing.push(file);
  }
  const bundled = path.join(extensionPath, "bin", EXE);
  if (executable(bundled)) {
    return { found: { path: bundled, from: "bundled" }, missing };
  }
  const fromPath = onPath();
  if (fromPath !== undefined) {
    return { found: { path: fromPath, from: "PATH" }, missing };
  }
  const fromPython = await pythonEnvironment(folder);
  if (fromPython !== undefined) {
    return { found: { path: fromPython, from: "Python environment" }, missing };
  }
  return { missing };
}
