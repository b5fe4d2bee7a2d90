// Production server (`npm start`): share links, then the public API and widget bundles, answered by the first middleware from Node's request (no
// Remix, no body parsing on that path), then static assets, then the Remix app. Run `npm run build` first.
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const build = await import("./build/server/index.js");
const { handlePublicHttp, handleShareLinkHttp, startBackgroundJobs } = build.entry.module;

const app = express();
app.disable("x-powered-by");
app.use(async (req, res, next) => {
  try {
    if (!(await handleShareLinkHttp(req, res)) && !(await handlePublicHttp(req, res))) next();
  } catch (error) {
    next(error);
  }
});
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// clientAddress: the address portal token lookups are rate-limited by (Express's req.ip, which follows its `trust proxy` setting).
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientAddress: req.ip ?? "" }) }));

const port = Number(process.env.PORT || 3000);
app.listen(port, () => console.log(`ICR listening on http://localhost:${port}`));
await startBackgroundJobs();
