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
  nameDialogs(document);
});
