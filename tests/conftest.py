"""Shared test set-up. Qt renders offscreen unless a platform is chosen (e.g. xcb under Xvfb)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
