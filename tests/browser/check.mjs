// Drives Debian's chromium (never a downloaded browser) over a site that
// `terbuka site` wrote, and prints what a reader's browser shows, as JSON,
// for the Rust tests to assert on (tests/cli/site.rs):
//
//   node check.mjs SITE_DIR
//
// For every page reachable from SITE_DIR/index.html (every link followed,
// from file://): its language, title and visible text with JavaScript
// disabled; every internal link that does not resolve (file, or #fragment
// on the target page); where its language switch leads; the axe-core
// violations at WCAG 2.1 AA (axe injected through the DevTools protocol,
// which the page's Content-Security-Policy does not govern); and whether
// any script of the page ran or a dialog opened.
import { chromium } from "playwright-core";
import { readFileSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const site = path.resolve(process.argv[2]);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});
const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
const withJs = await browser.newContext({ viewport: { width: 390, height: 844 } });

const start = pathToFileURL(path.join(site, "index.html")).href;
const queue = [start];
const seen = new Set(queue);
const pages = [];
const ids = new Map(); // page file → ids on it

function localFile(url) {
  return fileURLToPath(url.split("#")[0].split("?")[0]);
}

while (queue.length) {
  const url = queue.shift();
  const page = await noJs.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    text: document.body.innerText,
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    links: [...document.querySelectorAll("a[href]")].map((a) => ({ href: a.getAttribute("href"), abs: a.href, text: a.innerText, hreflang: a.getAttribute("hreflang"), inLangs: !!a.closest("nav.langs") })),
    scripts: document.querySelectorAll("script").length,
    handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name)),
  }));
  ids.set(localFile(url), new Set(facts.ids));
  await page.close();
  pages.push({ url, file: path.relative(site, localFile(url)), errors, ...facts });
  for (const l of facts.links) {
    if (!l.abs.startsWith("file:")) continue;
    const target = l.abs.split("#")[0];
    if (target.endsWith(".html") && !seen.has(target) && existsSync(localFile(target))) {
      seen.add(target);
      queue.push(target);
    }
  }
}

for (const p of pages) {
  // Links: files exist; fragments exist on their page.
  p.broken = [];
  p.external = [];
  for (const l of p.links) {
    if (!l.abs.startsWith("file:")) { p.external.push(l.href); continue; }
    const file = localFile(l.abs);
    if (!existsSync(file) || !statSync(file).isFile()) { p.broken.push(l.href); continue; }
    const hash = l.abs.includes("#") ? decodeURIComponent(l.abs.split("#")[1]) : "";
    if (hash && file.endsWith(".html") && !(ids.get(file) || new Set()).has(hash)) p.broken.push(l.href);
  }
  p.switches = p.links.filter((l) => l.inLangs).map((l) => ({ lang: l.hreflang, file: path.relative(site, localFile(l.abs)) }));
  // With JavaScript on (a phone's width): axe, and whether anything ran.
  const page = await withJs.newPage();
  let dialogs = 0;
  page.on("dialog", async (d) => { dialogs += 1; await d.dismiss(); });
  await page.goto(p.url);
  const pwned = await page.evaluate(() => window.__pwned === true || document.title.startsWith("PWNED"));
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.html) }));
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  p.violations = result;
  p.scriptRan = pwned || dialogs > 0;
  p.overflowsPhone = overflow;
  await page.close();
  delete p.links;
  delete p.ids;
}

await browser.close();
process.stdout.write(JSON.stringify({ pages }, null, 1) + "\n");
