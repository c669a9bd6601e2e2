"""What the test tiers share: fixtures' building blocks, kept in one place."""
