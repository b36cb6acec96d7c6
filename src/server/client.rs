//! What the server sends to the client on its own: notifications, log and
//! user messages, and the request that registers the file watcher.

use std::collections::HashSet;

use crossbeam_channel::Sender;
use lsp_server::{Message, Notification, Request, RequestId};
use lsp_types as lsp;
use serde_json::json;

pub struct Client {
    sender: Sender<Message>,
    /// Messages already shown, so each is shown once until a reload.
    shown: HashSet<String>,
    next_request: i32,
}

impl Client {
    pub fn new(sender: Sender<Message>) -> Client {
        Client {
            sender,
            shown: HashSet::new(),
            next_request: 0,
        }
    }

    pub fn send(&self, message: Message) {
        let _ = self.sender.send(message);
    }

    pub fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    pub fn log(&self, typ: lsp::MessageType, message: String) {
        self.notify("window/logMessage", lsp::LogMessageParams { typ, message });
    }

    /// Show a message to the user, and log it.
    pub fn show(&self, typ: lsp::MessageType, message: String) {
        self.log(typ, message.clone());
        self.notify(
            "window/showMessage",
            lsp::ShowMessageParams { typ, message },
        );
    }

    /// [`Client::show`], unless this message was shown since the last
    /// [`Client::forget_shown`].
    pub fn show_once(&mut self, typ: lsp::MessageType, message: String) {
        if self.shown.insert(message.clone()) {
            self.show(typ, message);
        }
    }

    /// The settings or config files changed: their errors may be shown again.
    pub fn forget_shown(&mut self) {
        self.shown.clear();
    }

    /// Send a request of the server's own. Its id is `postlint-N`, unlike
    /// the client's, and its response is not waited for.
    pub fn request(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_request += 1;
        let id = RequestId::from(format!("postlint-{}", self.next_request));
        self.send(Request::new(id, method.into(), params).into());
    }

    /// Ask the client to tell us about changes to config files and posts.
    pub fn register_watcher(&mut self) {
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "postlint-config-watcher".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(json!({
                    "watchers": [
                        { "globPattern": format!("**/{}", crate::config::CONFIG_FILE) },
                        { "globPattern": "**/_config.yml" },
                        { "globPattern": "**/_posts/**" },
                        { "globPattern": "**/_drafts/**" },
                        // Schemas and the `_data` files they name.
                        { "globPattern": "**/*.{yml,yaml,json}" },
                        // Pages, and any file created or deleted: links
                        // into the site may find it, or no longer.
                        { "globPattern": "**/*.{md,markdown,html,htm}" },
                        { "globPattern": "**/*", "kind": 5 },
                    ]
                })),
            }],
        };
        self.request("client/registerCapability", params);
    }
}
