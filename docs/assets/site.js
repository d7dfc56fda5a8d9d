// The site's own script, run by Material on every page load and instant
// navigation (document$). Everything it uses is served by the site itself.

// Math: pymdownx.arithmatex wraps each formula in .arithmatex as \( \) or
// \[ \]; render those elements with the site's KaTeX copy, directly (no scan
// of the whole page). Notebook pages carry $...$ from nbconvert instead.
function renderMath(root) {
  for (const el of root.querySelectorAll(".arithmatex")) {
    const tex = el.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
    katex.render(tex, el, { displayMode: el.tagName === "DIV", throwOnError: false });
  }
  for (const notebook of root.querySelectorAll(".jupyter-wrapper")) {
    renderMathInElement(notebook, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      ignoredClasses: ["highlight", "jp-OutputArea-output"],
      throwOnError: false,
    });
  }
}

// Copy buttons: Material copies a block's text, prompts and outputs
// included. For >>> examples give it only the input lines (Material copies
// an ancestor's data-copy), as the Python REPL takes them pasted: a compound
// or multi-line statement (with, for, def, ...) ends with a blank line, or
// the next statement is a SyntaxError. A "..." line counts as input only
// right after an input line: in a traceback it is output.
const COMPOUND = /^(async\s+)?(with|for|while|if|def|class|try|match)\b|^@/;

function pyconInputs(text) {
  const out = [];
  let statement = null;
  const flush = () => {
    if (statement === null) return;
    out.push(...statement);
    const last = statement[statement.length - 1];
    if ((statement.length > 1 || COMPOUND.test(statement[0])) && last.trim() !== "") out.push("");
    statement = null;
  };
  for (const line of text.split("\n")) {
    if (/^>>>( |$)/.test(line)) {
      flush();
      statement = [line.slice(4)];
    } else if (statement !== null && /^\.\.\.( |$)/.test(line)) {
      statement.push(line.slice(4));
    } else {
      flush();
    }
  }
  flush();
  return out.join("\n");
}

function copyPyconInputs(root) {
  for (const code of root.querySelectorAll(".language-pycon pre > code")) {
    code.closest(".language-pycon").setAttribute("data-copy", pyconInputs(code.textContent));
  }
}

// Tables wider than a phone's screen become one card per row (extra.css,
// table.stacked), each cell under a copy of its column's heading, so that
// no column is off screen. The comparison table keeps its scroll box.
const PHONE = window.matchMedia("(max-width: 44.9375em)");

function stackWideTables(root) {
  for (const table of root.querySelectorAll("article table:not([class])")) {
    if (table.closest(".comparison") || !table.tHead) continue;
    const headings = [...table.tHead.rows[0].cells];
    for (const row of table.tBodies[0] ? table.tBodies[0].rows : []) {
      [...row.cells].forEach((cell, i) => {
        if (cell.querySelector(":scope > .cell-heading") || !headings[i]) return;
        const label = document.createElement("span");
        label.className = "cell-heading";
        label.setAttribute("aria-hidden", "true");
        label.innerHTML = headings[i].innerHTML;
        cell.prepend(label);
      });
    }
  }
  const update = () => {
    for (const table of root.querySelectorAll("article table:not([class]), article table.stacked")) {
      if (table.closest(".comparison") || !table.tHead) continue;
      table.classList.remove("stacked");
      const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
      if (PHONE.matches && table.scrollWidth > box.clientWidth + 1) table.classList.add("stacked");
    }
  };
  update();
  PHONE.onchange = update;
}

// The catalog (scripts/catalog.py): sort by any column, filter by name,
// family, tag and framework. The controls come hidden in the page, so a
// reader without JavaScript sees the plain table.
function cellText(cell) {
  return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
}

function setupCatalog(root) {
  const form = root.querySelector("form.catalog-controls");
  const table = root.querySelector(".catalog table");
  if (!form || !table || form.dataset.ready) return;
  form.dataset.ready = "1";
  form.hidden = false;
  const headings = [...table.tHead.rows[0].cells];
  const column = (name) => headings.findIndex((h) => cellText(h) === name);
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const count = form.querySelector(".catalog-count");
  const passes = (text, test, value) => {
    if (test === "bounded") return !/[∞]/.test(text) && text !== "—";
    if (test === "has") return value === "" || text.split(/,\s*/).includes(value);
    const [kind, wanted] = test.split(":");
    if (kind === "not") return text !== wanted;
    if (kind === "is") return text === wanted;
    if (kind === "starts") return text.startsWith(wanted);
    return true;
  };
  const apply = () => {
    const name = form.querySelector('[data-filter="name"]').value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      let ok = !name || cellText(row.cells[0]).toLowerCase().includes(name) || row.cells[0].querySelector("a")
        .getAttribute("href").toLowerCase().includes(name.replace(/[\s-]+/g, "_"));
      for (const input of form.querySelectorAll("[data-column]")) {
        const i = column(input.dataset.column);
        const text = cellText(row.cells[i]);
        if (input.type === "checkbox") ok = ok && (!input.checked || passes(text, input.dataset.test, ""));
        else if (input.dataset.test) ok = ok && passes(text, input.dataset.test, input.value);
        else ok = ok && (input.value === "" || text === input.value);
      }
      row.hidden = !ok;
      shown += ok;
    }
    count.textContent = `${shown} of ${rows.length} activations`;
  };
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  headings.forEach((heading, i) => {
    if (cellText(heading) === "f") return;  // the thumbnails
    const button = document.createElement("button");
    button.type = "button";
    button.className = "catalog-sort";
    button.innerHTML = heading.innerHTML;
    button.title = `Sort by ${cellText(heading)}`;
    heading.replaceChildren(button);
    heading.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      const up = heading.getAttribute("aria-sort") !== "ascending";
      for (const h of headings) if (h.hasAttribute("aria-sort")) h.setAttribute("aria-sort", "none");
      heading.setAttribute("aria-sort", up ? "ascending" : "descending");
      const key = (row) => cellText(row.cells[i]);
      const number = (text) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN);
      const sorted = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        const nx = number(x), ny = number(y);
        // "—" (no value) sorts last either way
        if ((x === "—") !== (y === "—")) return x === "—" ? 1 : -1;
        const order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "en", { numeric: true });
        return up ? order : -order;
      });
      body.append(...sorted);
    });
  });
  apply();
}

// Search: a query that is exactly an activation's name, alias, framework call or config string
// (assets/search-terms.json, generated from the declarations by the hook) puts that page first.
// Material's ranking alone cannot: it searches "tanh" as "tanh*", and lunr scores the rarer word
// "tanhshrink" above "tanh" (scripts/search_terms.py says more).
function siteRoot() {
  const config = document.getElementById("__config");
  const base = config ? JSON.parse(config.textContent).base : ".";
  return new URL(base.replace(/\/?$/, "/"), location.href);
}

function setupExactMatch() {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  if (!input || !list) return;
  const root = siteRoot();
  let exact = null;
  const load = () => {
    if (exact) return;
    exact = {};
    fetch(new URL("assets/search-terms.json", root))
      .then(response => response.json())
      .then(data => { exact = data; promote(); })
      .catch(() => {});
  };
  const pathOf = a => new URL(a.getAttribute("href"), location.href).pathname;
  const promote = () => {
    const query = input.value.toLowerCase().trim().split(/\s+/).join(" ");
    const hit = exact && exact[query];
    if (!hit) return;
    const [url, title] = hit;
    const target = new URL(url, root).pathname;
    const items = [...list.children];
    const found = items.filter(li => li.querySelector("a") && pathOf(li.querySelector("a")) === target);
    for (const extra of found.slice(1)) extra.remove();  // Material rendered it again further down
    if (found.length && items[0] === found[0]) return;
    let item = found[0];
    if (!item) {  // not among Material's results: the same markup as its page results
      item = document.createElement("li");
      item.className = "md-search-result__item";
      const link = document.createElement("a");
      link.className = "md-search-result__link";
      link.tabIndex = -1;
      link.href = new URL(url, root).href;
      const article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      const icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      const heading = document.createElement("h1");
      heading.textContent = title;
      article.append(icon, heading);
      link.append(article);
      item.append(link);
    }
    list.prepend(item);
  };
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  // Material writes the count and the list of each answer; with no result the list does not change
  const result = list.closest(".md-search-result") || list;
  new MutationObserver(promote).observe(result, { childList: true, subtree: true, characterData: true });
}

// Accessibility: Material's search overlay has role="dialog" but no name.
function nameDialogs(root) {
  for (const dialog of root.querySelectorAll('[role="dialog"]:not([aria-label])')) {
    dialog.setAttribute("aria-label", "Search");
  }
}

document$.subscribe(({ body }) => {
  renderMath(body);
  copyPyconInputs(body);
  stackWideTables(body);
  setupCatalog(body);
  nameDialogs(document);
});
setupExactMatch();
