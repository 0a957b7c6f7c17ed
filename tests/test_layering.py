"""The Qt-free layers really are Qt-free: import every module in them with PySide6 made
unimportable."""

import subprocess
import sys
import textwrap

QT_FREE = [
    "core",
    "store",
    "networks",
    "services",
    "credentials",
    "config",
    "diagnostics",
    "resources",
]

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, BlockQt())
    import socialdesk
    imported = []
    for name in sys.argv[1:]:
        module = importlib.import_module(f"socialdesk.{name}")
        imported.append(module.__name__)
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), module.__name__ + "."):
            if ".migrations." in info.name:
                continue  # Alembic's scripts are loaded by Alembic, not imported
            importlib.import_module(info.name)
            imported.append(info.name)
    assert not any(m.startswith("PySide6") for m in sys.modules)
    print(len(imported))
    """
)


def test_qt_free_layers_import_without_pyside6():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *QT_FREE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= len(QT_FREE)
