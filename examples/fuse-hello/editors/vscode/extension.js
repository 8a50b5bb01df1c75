// Fuse VS Code extension: one command that runs `fuse build --aot` in a terminal.
const vscode = require("vscode");

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("fuse.buildAot", () => {
      const terminal = vscode.window.createTerminal("fuse");
      terminal.show();
      terminal.sendText("fuse build --aot --profile release");
    })
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
