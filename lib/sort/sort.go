// Package sort: sorting slices and user-defined collections, and binary
// search. deft's implementation.
//
// Sort and Slice use gc 1.27's pattern-defeating quicksort (pdqsort.go),
// which is not stable, making the same comparisons and swaps as gc, so
// equal elements end up in the same order as under gc. Stable and
// SliceStable insertion-sort small blocks, then merge them in place by
// rotation.
package sort

// Interface: a collection sortable by index.
type Interface interface {
	// Len: the number of elements.
	Len() int
	// Less: whether element i must sort before element j.
	Less(i, j int) bool
	// Swap exchanges elements i and j.
	Swap(i, j int)
}

// Sort sorts data in increasing order; not stable.
func Sort(data Interface) { quicksort(data, data.Len()) }

// Stable sorts data, keeping the original order of equal elements.
func Stable(data Interface) { stable(data, data.Len()) }

// IsSorted: whether data is in increasing order.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	data Interface
}

func (r reverse) Len() int           { return r.data.Len() }
func (r reverse) Less(i, j int) bool { return r.data.Less(j, i) }
func (r reverse) Swap(i, j int)      { r.data.Swap(i, j) }

// Reverse: data with its order reversed.
func Reverse(data Interface) Interface { return reverse{data} }

// The length of the slice held in x (-1 if it holds none), and swapping
// two of its elements: the runtime reads the slice through the interface
// (crates/runtime/src/library/mem.rs).
func lenAny(x any) int
func swapAny(x any, i, j int)

// kindAny: the reflect.Kind number of x's dynamic type (0 for nil).
func kindAny(x any) int

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
	"uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "array", "chan", "func",
	"interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer"}

// valueError: the panic value of gc's reflection when asked for the
// length or swapper of something that is not a slice.
type valueError struct {
	method string
	kind   int
}

func (e *valueError) Error() string {
	if e.kind == 0 {
		return "reflect: call of " + e.method + " on zero Value"
	}
	return "reflect: call of " + e.method + " on " + kindNames[e.kind] + " Value"
}

type anySlice struct {
	x    any
	n    int
	less func(i, j int) bool
}

func (s *anySlice) Len() int           { return s.n }
func (s *anySlice) Less(i, j int) bool { return s.less(i, j) }
func (s *anySlice) Swap(i, j int)      { swapAny(s.x, i, j) }

func sliceOf(x any, less func(i, j int) bool) *anySlice {
	n := lenAny(x)
	if n < 0 {
		panic(&valueError{"Swapper", kindAny(x)})
	}
	return &anySlice{x, n, less}
}

// Slice sorts the slice x by less, which compares elements i and j; not
// stable.
func Slice(x any, less func(i, j int) bool) {
	s := sliceOf(x, less)
	quicksort(s, s.n)
}

// SliceStable sorts the slice x by less, keeping equal elements in order.
func SliceStable(x any, less func(i, j int) bool) { Stable(sliceOf(x, less)) }

// SliceIsSorted: whether the slice x is sorted by less.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := lenAny(x)
	if n < 0 {
		panic(&valueError{"reflectlite.Value.Len", kindAny(x)})
	}
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// stable: insertion-sort blocks of 20, then merge blocks of doubling
// size pairwise.
func stable(data Interface, n int) {
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		insertionSort(data, a, b)
		a = b
		b += blockSize
	}
	insertionSort(data, a, n)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			symMerge(data, a, a+blockSize, b)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			symMerge(data, a, m, n)
		}
		blockSize *= 2
	}
}

// symMerge merges the sorted runs data[a:m] and data[m:b] in place
// (the SymMerge algorithm of Kim and Kutzner): find the split point by
// binary search on the symmetric positions, rotate, recurse.
func symMerge(data Interface, a, m, b int) {
	if m-a == 1 {
		// Insert data[a] into data[m:b] at its place.
		i, j := m, b
		for i < j {
			h := int(uint(i+j) >> 1)
			if data.Less(h, a) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] into data[a:m] at its place.
		i, j := a, m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !data.Less(m, h) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start = n - b
		r = mid
	} else {
		start = a
		r = m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !data.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		rotate(data, start, m, end)
	}
	if a < start && start < mid {
		symMerge(data, a, start, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

// swapRange swaps data[a:a+n] with data[b:b+n].
func swapRange(data Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}

// rotate turns data[a:m] data[m:b] into data[m:b] data[a:m].
func rotate(data Interface, a, m, b int) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			swapRange(data, m-i, m, j)
			i -= j
		} else {
			swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(data, m-i, m, i)
}

// Search: the smallest i in [0, n) for which f(i) is true, or n; f must
// be false then true over the range.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// Find: the smallest i in [0, n) with cmp(i) <= 0, or n, and whether
// cmp(i) == 0 there; cmp must be positive, then zero, then negative
// over the range.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(h) > 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(i) == 0
}

// IntSlice: a []int sortable in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

// StringSlice: a []string sortable in increasing order.
type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Float64Slice: a []float64 sortable in increasing order, NaNs first.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// Equal ints, and equal strings, cannot be told apart, so the runtime
// sorts these directly (crates/runtime/src/library/mem.rs) with the same
// result as Sort.
func sortInts(x []int)
func sortStrings(x []string)

// Ints sorts x in increasing order.
func Ints(x []int) { sortInts(x) }

// Strings sorts x in increasing order (by bytes).
func Strings(x []string) { sortStrings(x) }

// Float64s sorts x in increasing order, NaNs first.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// IntsAreSorted: whether x is in increasing order.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// StringsAreSorted: whether x is in increasing order.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

// Float64sAreSorted: whether x is in increasing order.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// SearchInts: the index at which x (sorted) holds v or would insert it.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings: the index at which a (sorted) holds x or would insert it.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchFloat64s: the index at which a (sorted) holds x or would insert it.
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
