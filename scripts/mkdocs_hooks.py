"""MkDocs hook: a thin layer over scripts/build.py and scripts/notebooks.py.

Before each build (``mkdocs build`` and every ``mkdocs serve`` rebuild) it
regenerates what is stale into ``build/`` (git-ignored, outside ``docs/``
so ``mkdocs serve`` does not reload forever): the derived fragments and
figures, and the executed experiment notebooks. It adds the figures and the
executed notebooks to the site as generated files. Anything that cannot be
derived or executed fails the build before a page is written, with a
message naming the activation or the notebook and cell.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

SCRIPTS = str(Path(__file__).resolve().parent)
sys.path.insert(0, SCRIPTS)  # MkDocs restores sys.path once this file is loaded: on_config adds it again

import build  # noqa: E402
import notebooks  # noqa: E402
import search_terms  # noqa: E402


_CATALOG = []  # the declarations as on_config found them, for on_files
_SEARCH = {}  # slug -> what a reader types to find its page (scripts/search_terms.py)


def on_config(config):
    """Fill the Activations section of the nav from the declarations."""
    if SCRIPTS not in sys.path:  # for the modules the scripts import lazily
        sys.path.insert(0, SCRIPTS)
    try:
        acts = build.check_catalog()
        owned = search_terms.owners(acts)
    except (build.DeclarationError, search_terms.AmbiguousQuery) as err:
        raise PluginError(str(err)) from None
    _CATALOG[:] = acts
    _SEARCH.clear()
    _SEARCH.update(owned)
    for item in config.nav or []:
        if isinstance(item, dict) and "Activations" in item:
            section = item["Activations"]
            # keep the hand-written entries (the index, "In today's models"); drop the family groups
            # (a title over a list) that an earlier call added
            section[:] = [e for e in section if not (isinstance(e, dict) and isinstance(*e.values(), list))]
            section += build.nav_entries(acts)
    return config


def on_pre_build(config) -> None:
    # Everything here runs before MkDocs cleans or writes the site folder.
    try:
        if build.code_changed_since_import():  # mkdocs serve, after an edit to scripts/
            report = build.generate_in_new_process(build.DEFAULT_OUT)
        else:
            report = build.generate(build.DEFAULT_OUT)
        executed = notebooks.run_all(notebooks.DEFAULT_OUT)
    except (build.DeclarationError, build.BuildError, notebooks.NotebookError) as err:
        raise PluginError(str(err)) from None
    if report.derived or report.drawn:
        print(f"INFO    -  activations: derived {len(report.derived)}, drew {len(report.drawn)} "
              f"figure(s) in {report.seconds:.1f} s", file=sys.stderr)
    if executed:
        print(f"INFO    -  notebooks: executed {', '.join(executed)}", file=sys.stderr)


ACTIVATION_SEARCH_BOOST = 2  # Material's per-page search boost


@event_priority(100)  # before mkdocs-jupyter wraps the notebooks
def on_files(files, config):
    for act in _CATALOG:
        for name in build.figure_names(act):
            files.append(File.generated(config, f"activations/figures/{name}",
                                        abs_src_path=str(build.DEFAULT_OUT / "figures" / name)))
    files.append(File.generated(config, "assets/explorer/functions.js",  # scripts/explorer.py's formulas
                                abs_src_path=str(build.DEFAULT_OUT / "explorer" / "functions.js")))
    for source in notebooks.sources():
        src_uri = f"experiments/{source.name}"
        if src_uri in files.src_uris:  # the jupytext source is not published as is
            files.remove(files.src_uris[src_uri])
        # A plain File with build/ as its source folder: mkdocs-jupyter's
        # NotebookFile wrapper cannot read File.generated's virtual files.
        files.append(File(f"experiments/{source.stem}.ipynb", src_dir=str(notebooks.DEFAULT_OUT.parent),
                          dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls))
    # What readers type (a name, an alias, a framework call, a config string) -> its page, for site.js
    urls = {act.slug: files.get_file_from_path(f"activations/{act.slug}.md").url for act in _CATALOG}
    files.append(File.generated(config, "assets/search-terms.json",
                                content=search_terms.site_json(_CATALOG, _SEARCH, urls)))
    return files


def on_page_markdown(markdown, page, config, files):
    """Activation pages rank above the concept pages and experiments that mention the same names, and
    an activation's name and aliases are its search tags: a reader who types one is looking for its page
    (site.js puts the page first when the query is exactly one of them, see search_terms.exact_matches)."""
    uri = page.file.src_uri
    if uri.startswith("activations/") and uri != "activations/index.md":
        page.meta.setdefault("search", {}).setdefault("boost", ACTIVATION_SEARCH_BOOST)
        act = next((a for a in _CATALOG if uri == f"activations/{a.slug}.md"), None)
        if act is not None:  # Material's search weighs tags far above the text
            page.meta.setdefault("tags", search_terms.tags(act, _SEARCH))
    return markdown


def on_page_context(context, page, config, nav):
    if page.file.src_uri.startswith("experiments/") and page.file.abs_src_path:
        text = notebooks.description(Path(page.file.abs_src_path))
        if text:
            page.meta["description"] = text
    return context


def on_post_page(output, page, config):
    if page.file.src_uri.startswith("experiments/"):
        return notebooks.strip_cdn_scripts(output)
    return output
