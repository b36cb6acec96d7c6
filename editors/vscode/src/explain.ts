// `postlint: Explain This File`: what Jekyll makes of the file (its URL,
// output file, date, layout) and where each of its references leads, from
// `postlint explain`, in a read-only document beside the editor.
import { execFile } from "child_process";
import * as path from "path";
import * as vscode from "vscode";

export const SCHEME = "postlint-explain";

export class ExplainProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  async explain(binary: string, file: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath ?? path.dirname(file.fsPath);
    const text = await new Promise<string>((resolve) => {
      execFile(
        binary,
        ["explain", file.fsPath],
        { cwd: folder, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout, stderr) => {
          if (error !== null && stdout === "") {
            resolve(`postlint explain failed: ${stderr.trim() || error.message}\n`);
          } else {
            resolve(stdout);
          }
        },
      );
    });
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${path.basename(file.fsPath)} (explained)` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
