// A local Direct Line (offline-directline) in front of the bot, and the Web Chat page that talks to it.
// node directline.js <port> <bot messages URL>
const path = require("path");
const express = require("express");
const directline = require("offline-directline");

const port = Number(process.argv[2]);
const bot = process.argv[3];
const app = express();
app.get("/", (_, res) => res.sendFile(path.join(__dirname, "webchat.html")));
app.get("/webchat.js", (_, res) =>
  res.sendFile(path.join(__dirname, "node_modules", "botframework-webchat", "dist", "webchat.js")),
);
directline.initializeRoutes(app, port, bot);
