package sqldb

import "hezuo/store"

// The doors package store declares are this package's exported methods.
var _ store.Store = (*DB)(nil)
