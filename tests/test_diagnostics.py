import logging

from socialdesk.diagnostics import diagnostics_text, redact, setup_logging


def test_credentials_are_masked():
    line = "POST failed: Authorization: Bearer abc.def.ghi password=hunter2 refresh_token=xyz"
    cleaned = redact(line)
    for secret in ("abc.def.ghi", "hunter2", "xyz"):
        assert secret not in cleaned


def test_log_file_never_receives_a_secret(tmp_path):
    path = setup_logging(tmp_path)
    try:
        logging.getLogger("socialdesk.test").warning(
            "token refresh: access_token=%s", "s3cr3t-value"
        )
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text()
        assert "token refresh" in text
        assert "s3cr3t-value" not in text
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                root.removeHandler(handler)
                handler.close()


def test_diagnostics_name_version_and_data_folder(tmp_path):
    text = diagnostics_text(tmp_path, {"Workspace": "demo"})
    assert "SocialDesk" in text
    assert str(tmp_path) in text
    assert "Workspace: demo" in text
