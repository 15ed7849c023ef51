"""Copy GOV.UK Frontend's compiled CSS, JavaScript, fonts and images into site/core/static/govuk.

The compiled CSS looks for fonts and images under /assets/; we serve them from /static/govuk/assets/.
"""

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "node_modules" / "govuk-frontend" / "dist" / "govuk"
TARGET = REPO / "site" / "core" / "static" / "govuk"


def main():
    if not SOURCE.exists():
        raise SystemExit("govuk-frontend is not installed: run `npm install` first.")
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    css = (SOURCE / "govuk-frontend.min.css").read_text()
    css = css.replace("url(/assets/", "url(/static/govuk/assets/")
    (TARGET / "govuk-frontend.min.css").write_text(css)
    shutil.copy(SOURCE / "govuk-frontend.min.js", TARGET / "govuk-frontend.min.js")
    shutil.copytree(SOURCE / "assets", TARGET / "assets")
    print(f"GOV.UK Frontend assets copied to {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
