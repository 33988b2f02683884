"""Enable protocol-share's fixtures: protocol_share_protocol, fixed_clock, valid_referral."""

pytest_plugins = ["protocol_share.pytest_plugin"]
