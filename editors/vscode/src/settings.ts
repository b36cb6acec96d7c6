// The settings the server reads, as `initializationOptions` and in
// `workspace/didChangeConfiguration`.
import * as vscode from "vscode";

export interface ServerSettings {
  select: string[];
  extendSelect: string[];
  ignore: string[];
  configPath?: string;
  docsUrl?: string;
}

export function serverSettings(folder: vscode.WorkspaceFolder | undefined): ServerSettings {
  const c = vscode.workspace.getConfiguration("postlint", folder);
  const list = (key: string) => c.get<string[]>(key) ?? [];
  const text = (key: string) => {
    const v = c.get<string | null>(key);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  return {
    select: list("select"),
    extendSelect: list("extendSelect"),
    ignore: list("ignore"),
    configPath: text("configPath"),
    docsUrl: text("docsUrl"),
  };
}
