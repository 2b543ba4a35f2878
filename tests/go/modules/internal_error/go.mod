// errorcheck

// Use of an internal package outside the tree it belongs to: app imports
// example.com/internalerr/store/internal/disk, which only store and the
// packages below it may import.

module example.com/internalerr

go 1.27
