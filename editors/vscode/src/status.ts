// The status bar item: the server's state and version; a click shows the log.
import * as vscode from "vscode";

export type State = "starting" | "running" | "stopped" | "missing";

export class Status implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem("postlint.status", vscode.StatusBarAlignment.Right, 100);
    this.item.name = "postlint";
    this.item.command = "postlint.showLogs";
    this.show("starting");
  }

  show(state: State, detail?: { version?: string; binary?: string; error?: string }): void {
    const icon = { starting: "$(sync~spin)", running: "$(check)", stopped: "$(error)", missing: "$(warning)" }[state];
    const version = detail?.version !== undefined ? ` ${detail.version}` : "";
    this.item.text = `${icon} postlint${version}`;
    const lines = [`postlint server: ${state}`];
    if (detail?.binary !== undefined) {
      lines.push(`binary: ${detail.binary}`);
    }
    if (detail?.error !== undefined) {
      lines.push(detail.error);
    }
    lines.push("click to show the server log");
    this.item.tooltip = lines.join("\n");
    this.item.backgroundColor =
      state === "stopped" || state === "missing" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
