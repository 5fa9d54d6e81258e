//! Mutation generator.
