"""Domain layer: enums, frozen row snapshots, rules and errors. Standard library only."""
