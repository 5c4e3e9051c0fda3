"""Pure planning: host placement and programme scheduling; a snapshot in, a result out."""
