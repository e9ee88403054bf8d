"""Fit the line model (data/lexicon/line_model.csv) on the People's Daily corpus.

Run: ``.venv/bin/pip install scikit-learn && .venv/bin/python scripts/train_line_model.py``
(``[train]`` extra). Every page of ``CORPUS_DIR/rmrb`` but every 20th (which
``benchmarks/segmentation.py`` scores, so its figures are held out) is re-rendered as a web
copy and flat (no indentation, no blank lines); each paragraph is labelled ``start`` (the
first line of a title block), ``title`` (a further title line) or ``body`` from the page's
known layout, and a multinomial logistic regression is fitted on the evidence
:func:`helpers.lines.line_features` names. The weights are written as a table, one row
per feature, so the parser needs no machine-learning library and the evidence stays
readable. Prints the per-label precision and recall on the held-out pages.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from helpers.layouts import corpus_page_items, flat, web
from helpers.lines import LABELS, MODEL_PATH, PROSE, line_features
from helpers.paragraphs import split_paragraphs
from helpers.paths import corpus_folder
from helpers.reading import normalize_text

HELD_OUT_EVERY = 20
MIN_COUNT = 5


def labelled_page(items, render) -> tuple[list[dict], list[str]]:
    """The paragraphs' features and true labels of a page in one layout."""
    text = normalize_text(render(items))
    labels: list[str] = []
    for titles, body in items:
        labels += (["start"] + ["title"] * (len(titles) - 1)) if titles else []
        labels += ["body"] * sum(1 for paragraph in body if paragraph.strip())
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    truth = dict(zip(lines, labels, strict=True))
    paragraphs, layout = split_paragraphs(text)
    return line_features(paragraphs, layout), [truth[p.first] for p in paragraphs]


def dataset(paths: list[Path]) -> tuple[list[dict], list[str]]:
    features: list[dict] = []
    labels: list[str] = []
    for path in paths:
        items = corpus_page_items(path.read_text(encoding="utf-8"))
        for render in (web, flat):
            page_features, page_labels = labelled_page(items, render)
            kept = [i for i, row in enumerate(page_features) if row is not PROSE]
            features += [page_features[i] for i in kept]  # prose is body by rule
            labels += [page_labels[i] for i in kept]
    return features, labels


def write_model(path: Path, vectorizer, fitted) -> None:
    order = list(fitted.classes_)
    with path.open("w", encoding="utf-8", newline="") as table:
        writer = csv.writer(table, lineterminator="\n")
        writer.writerow(["feature", *LABELS])
        biases = [fitted.intercept_[order.index(label)] for label in LABELS]
        writer.writerow(["(bias)", *(f"{b:.4f}" for b in biases)])
        for column, name in enumerate(vectorizer.get_feature_names_out()):
            weights = [fitted.coef_[order.index(label), column] for label in LABELS]
            writer.writerow([name, *(f"{w:.4f}" for w in weights)])


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--every", type=int, default=1, help="train on every Nth page")
    args = parser.parse_args()
    corpus = corpus_folder("rmrb")
    if corpus is None:
        print("the shared corpus is absent: nothing to train on", file=sys.stderr)
        return 1
    paths = sorted(corpus.glob("*/*.txt"))
    train = [p for i, p in enumerate(paths) if i % HELD_OUT_EVERY][:: args.every]
    test = paths[::HELD_OUT_EVERY]
    features, labels = dataset(train)
    counts: dict[str, int] = {}
    for row in features:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept = [{k: 1 for k in row if counts[k] >= MIN_COUNT} for row in features]
    vectorizer = DictVectorizer()
    model = LogisticRegression(max_iter=10000, tol=1e-7, C=0.5)  # converged: the same optimum
    fitted = model.fit(vectorizer.fit_transform(kept), labels)
    test_features, test_labels = dataset(test)
    predicted = fitted.predict(vectorizer.transform(test_features))
    print(f"trained on {len(train)} pages ({len(labels)} paragraphs), held out {len(test)}")
    print(classification_report(test_labels, predicted, digits=3))
    write_model(args.output, vectorizer, fitted)
    print(f"wrote {args.output} ({len(vectorizer.feature_names_)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
