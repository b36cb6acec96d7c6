// The extension in real VS Code (code-server) in headless chromium: what a
// writer sees in the Problems panel, a quick fix, fix-all on save, a finding
// on a file never opened, and a rule turned off in postlint.toml. Each step
// leaves a screenshot in OUT/shots. Run by run.sh, which starts code-server.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT);

const OUT = process.env.OUT;
const SITE = path.join(OUT, 'site');
const SHOTS = path.join(OUT, 'shots');
const t0 = Date.now();
const log = (...a) => console.log(`e2e: [${((Date.now() - t0) / 1000).toFixed(1)} s]`, ...a);
let page;
let shot = 0;

async function screenshot(name) {
  shot += 1;
  const file = path.join(SHOTS, `${shot}-${name}.png`);
  await page.screenshot({ path: file });
  log('screenshot', path.basename(file));
}

/** Wait until `test()` holds, polling; fail with `what` after `seconds`. */
async function until(what, test, seconds = 30) {
  const end = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < end) {
    last = await test();
    if (last) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The Problems panel's rows, as text (file rows and finding rows). */
async function problems() {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()),
  );
}

/** Press `key` until `locator` shows: a key pressed while the workbench
 * moves focus can be lost. */
async function pressFor(key, locator) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await locator.waitFor({ state: 'visible', timeout: 5000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
      log(`nothing after ${key}; pressing it again`);
    }
  }
}

async function command(title) {
  const input = page.locator('.quick-input-widget input');
  await pressFor('F1', input);
  await input.fill('>' + title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10000 });
  await page.waitForTimeout(300);
}

async function open(file) {
  const input = page.locator('.quick-input-widget input');
  await pressFor('Control+P', input);
  await input.fill(file);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${file}"]`, { timeout: 10000 });
  await page.locator('.editor-instance .view-lines').first().click();
  log('opened', file);
}

async function goTo(line, column) {
  const input = page.locator('.quick-input-widget input');
  await pressFor('Control+G', input);
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  // Back in the editor before the next key is pressed.
  await input.waitFor({ state: 'hidden', timeout: 10000 });
  await page.waitForTimeout(200);
}

/** Open the quick fix menu at the cursor. */
async function quickFixMenu() {
  await pressFor('Control+.', page.locator('.action-widget').first());
}

/** Save the active editor: Ctrl+S until its tab is no longer dirty. */
async function save() {
  await pressFor('Control+S', page.locator('.tabs-container .tab.active:not(.dirty)'));
}

const onDisk = (rel) => fs.readFileSync(path.join(SITE, rel), 'utf8');
const fixed = (rel) => fs.readFileSync(path.join(OUT, 'fixed', rel), 'utf8');

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(process.env.URL, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90000 });
  log('VS Code is up');

  // The status bar item: the server runs, with its version.
  const status = await until('the postlint status bar item to say it runs', () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.statusbar-item')]
        .map((e) => e.innerText.trim())
        .find((t) => /postlint \d+\.\d+\.\d+/.test(t)),
    ),
  60);
  log('status bar:', JSON.stringify(status));

  // 1. A finding on a file never opened: the two posts that are one article.
  await page.keyboard.press('Control+Shift+M');
  await command('View: Toggle Maximized Panel');
  const repo = await until('a whole-repository finding on a file never opened', async () => {
    const rows = await problems();
    return rows.some((r) => /2022-10-31-Harbour-Bridge-Reopens\.md/.test(r)) &&
      rows.some((r) => /source-duplicate/.test(r)) ? rows : null;
  });
  log('Problems before any file is opened:\n  ' + repo.join('\n  '));
  await screenshot('never-opened');
  await command('View: Toggle Maximized Panel');

  // 2. A post's findings in the Problems panel, with rule id and help.
  await open('2022-11-05-council-vote.md');
  const rows = await until('the post\'s findings with rule id and help', async () => {
    const r = await problems();
    return r.some((x) => /`title` holds a boolean, not a string/.test(x) && /front-matter-wrong-type/.test(x)) &&
      r.some((x) => /help: /.test(x)) && r.some((x) => /duplicate key `author`/.test(x)) ? r : null;
  });
  log('Problems with the post open:\n  ' + rows.join('\n  '));
  await screenshot('diagnostics');

  // 3. A quick fix: the unquoted `no` on line 3.
  await goTo(3, 9);
  await quickFixMenu();
  await page.waitForTimeout(300);
  const offered = await page.$$eval('.action-widget .monaco-list-row', (els) =>
    els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  log('quick fixes offered:', JSON.stringify(offered));
  await screenshot('quick-fix-menu');
  await page.locator('.action-widget .monaco-list-row', { hasText: 'quote the value' }).first().click();
  await until('the quick fix to clear its finding', async () =>
    !(await problems()).some((r) => /holds a boolean/.test(r)));
  await screenshot('after-quick-fix');

  // 4. Fix all on save, in this post (its duplicate key) and in another
  // (a source URL encoded twice): the files on disk become what
  // `postlint check --fix` makes of them.
  await save();
  const vote = '_posts/2022-11-05-council-vote.md';
  await until('fix-all on save in the council post', () => onDisk(vote) === fixed(vote));
  const festival = '_posts/2022-11-04-river-festival-guide.md';
  await open('2022-11-04-river-festival-guide.md');
  await until('the double-encoded source finding', async () =>
    (await problems()).some((r) => /percent-encoded twice/.test(r)));
  // An edit and its undoing by hand: the file is dirty, its text unchanged.
  await goTo(1, 4);
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await save();
  await until('fix-all on save in the festival post', () => onDisk(festival) === fixed(festival));
  await until('the saved posts to have no safe fix left', async () =>
    !(await problems()).some((r) => /percent-encoded twice|duplicate key/.test(r)));
  log('both posts saved with every safe fix');
  await screenshot('after-fix-all-on-save');

  // 5. Two rules turned off in postlint.toml, written outside the editor:
  // their findings go, in the open post and in a post never opened; the
  // others stay.
  const before = await problems();
  if (!before.some((x) => /source-header-mismatch/.test(x))) throw new Error('no source-header-mismatch finding to turn off');
  fs.writeFileSync(path.join(SITE, 'postlint.toml'), '[rules]\nsource-duplicate = "off"\nsource-header-mismatch = "off"\n');
  await page.keyboard.press('Control+Shift+M');
  await command('View: Toggle Maximized Panel');
  const after = await until('the turned-off rule\'s findings to go', async () => {
    const r = await problems();
    return !r.some((x) => /source-duplicate|source-header-mismatch/.test(x)) &&
      r.some((x) => /jekyll-url-case-conflict/.test(x)) ? r : null;
  });
  log('Problems after turning source-duplicate and source-header-mismatch off:\n  ' + after.join('\n  '));
  await screenshot('rule-turned-off');
  await command('View: Toggle Maximized Panel');

  // 6. Explain the current file.
  await page.locator('.editor-instance .view-lines').first().click();
  await command('postlint: Explain This File');
  const explained = await until('the explanation of the file', () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.editor-instance .view-lines')]
        .map((e) => e.innerText.replace(/\u00a0/g, ' '))
        .find((t) => /kind: post/.test(t) && /url: \/culture\/2022\/11\/04\/river-festival-guide\.html/.test(t))));
  log('explain:\n' + explained);
  await screenshot('explain');

  // 7. Completion and hover from a front matter schema, declared in
  // postlint.toml outside the editor as a site's owner adds one.
  fs.mkdirSync(path.join(SITE, 'schemas'), { recursive: true });
  fs.writeFileSync(path.join(SITE, 'schemas', 'post.yml'),
    'properties:\n  section:\n    title: Section\n    description: Where the post is filed.\n    enum: [news, culture, sport]\n');
  fs.appendFileSync(path.join(SITE, 'postlint.toml'),
    '\n[[schema]]\nname = "post"\nschema = "schemas/post.yml"\nfiles = ["_posts/**"]\n');
  await open('2022-11-04-river-festival-guide.md');
  await goTo(2, 1);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('sec');
  /** Ask for completion until a row with `text` shows. */
  const suggest = async (what, text) => {
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: text }).first();
    await until(what, async () => {
      await page.keyboard.press('Control+Space');
      try {
        await row.waitFor({ state: 'visible', timeout: 3000 });
        return true;
      } catch {
        await page.keyboard.press('Escape');
        return false;
      }
    }, 60);
    return row;
  };
  await suggest('the schema\'s keys to be offered', 'section');
  const keys = await page.$$eval('.suggest-widget .monaco-list-row', (els) =>
    els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  log('keys offered:', JSON.stringify(keys));
  await screenshot('completion-of-keys');
  await page.keyboard.press('Enter');
  const culture = await suggest('the enum\'s values to be offered', 'culture');
  const values = await page.$$eval('.suggest-widget .monaco-list-row', (els) =>
    els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  log('values offered:', JSON.stringify(values));
  await screenshot('completion-of-values');
  await culture.click();
  await until('the completed line in the editor', () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.editor-instance .view-lines')]
        .some((e) => /section: culture/.test(e.innerText.replace(/\u00a0/g, ' ')))));
  await command('Show or Focus Hover');
  const hover = await until('the schema\'s description in a hover', () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.monaco-hover')]
        .map((e) => e.innerText)
        .find((t) => /Where the post is filed/.test(t) && /schema\s+post/.test(t))));
  log('hover:', JSON.stringify(hover));
  await screenshot('schema-hover');

  await browser.close();
  log('PASS');
}

main().catch(async (e) => {
  console.error('e2e: FAIL:', e.message);
  try {
    await page?.screenshot({ path: path.join(SHOTS, 'failure.png') });
  } catch {}
  process.exit(1);
});
