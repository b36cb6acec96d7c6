// The postlint extension: starts `postlint server` as a language server and
// adds a status bar item and four commands around it.
import * as vscode from "vscode";
import {
  CodeActionRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State as ClientState,
} from "vscode-languageclient/node";

import { findBinary, Found } from "./binary";
import { ExplainProvider, SCHEME } from "./explain";
import { serverSettings } from "./settings";
import { Status } from "./status";

const FIX_ALL = "source.fixAll.postlint";

let client: LanguageClient | undefined;
let binary: Found | undefined;
let output: vscode.LogOutputChannel;
let status: Status;
let extensionPath: string;

function folder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

async function start(): Promise<void> {
  status.show("starting");
  const { found, missing } = await findBinary(extensionPath, folder());
  for (const m of missing) {
    output.warn(`postlint.path: ${m} is not an executable file`);
  }
  if (found === undefined) {
    const error = "no postlint binary: set postlint.path, or install postlint (pip install postlint, or cargo install postlint)";
    output.error(error);
    status.show("missing", { error });
    void vscode.window.showErrorMessage(error, "Open Settings").then((pick) => {
      if (pick !== undefined) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "postlint.path");
      }
    });
    return;
  }
  binary = found;
  output.info(`starting ${found.path} server (from ${found.from})`);
  const serverOptions: ServerOptions = {
    run: { command: found.path, args: ["server"] },
    debug: { command: found.path, args: ["server"] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: serverSettings(folder()),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const c = new LanguageClient("postlint", "postlint", serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === ClientState.Running) {
      status.show("running", { version: c.initializeResult?.serverInfo?.version, binary: found.path });
    } else if (e.newState === ClientState.Stopped) {
      status.show("stopped", { binary: found.path });
    } else {
      status.show("starting", { binary: found.path });
    }
  });
  client = c;
  try {
    await c.start();
  } catch (e) {
    const error = `postlint server did not start: ${e instanceof Error ? e.message : String(e)}`;
    output.error(error);
    status.show("stopped", { binary: found.path, error });
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined && c.state !== ClientState.Stopped) {
    await c.stop().catch(() => undefined);
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

/** Every safe fix of the active document, as `--fix` would apply them. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const c = client;
  if (editor === undefined || c === undefined || c.state !== ClientState.Running) {
    return;
  }
  const doc = editor.document;
  const whole = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  const actions = await c.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: c.code2ProtocolConverter.asUri(doc.uri) },
    range: c.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: [FIX_ALL] },
  });
  for (const action of actions ?? []) {
    if ("edit" in action && action.edit !== undefined) {
      await vscode.workspace.applyEdit(await c.protocol2CodeConverter.asWorkspaceEdit(action.edit));
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel("postlint", { log: true });
  status = new Status();
  const explainer = new ExplainProvider();
  context.subscriptions.push(
    output,
    status,
    explainer,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, explainer),
    vscode.commands.registerCommand("postlint.restart", restart),
    vscode.commands.registerCommand("postlint.showLogs", () => output.show(true)),
    vscode.commands.registerCommand("postlint.fixAll", fixAll),
    vscode.commands.registerCommand("postlint.explain", async (uri?: vscode.Uri) => {
      const file = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (binary === undefined || file === undefined || file.scheme !== "file") {
        return;
      }
      await explainer.explain(binary.path, file);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("postlint.path")) {
        await restart();
      } else if (e.affectsConfiguration("postlint") && client?.state === ClientState.Running) {
        await client.sendNotification("workspace/didChangeConfiguration", {
          settings: { postlint: serverSettings(folder()) },
        });
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
