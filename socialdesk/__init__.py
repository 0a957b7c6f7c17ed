"""SocialDesk: answer customers on social networks from one desktop app."""

__version__ = "0.1.0"
