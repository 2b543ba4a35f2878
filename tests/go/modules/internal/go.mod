// run

// internal/ packages imported where the go command allows it: the
// module's internal/ from anywhere in the module, and store/internal/disk
// from store and from store/cache, the tree rooted at store.

module example.com/internal

go 1.27
