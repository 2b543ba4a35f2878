package sort

// Sort and Slice use pattern-defeating quicksort, step for step as gc 1.27
// does, so that elements comparing equal end up in the same order as
// under gc (the comparisons and swaps made are the same).

// bitLen: the number of bits needed to represent n.
func bitLen(n uint) int {
	k := 0
	for n != 0 {
		n >>= 1
		k++
	}
	return k
}

func quicksort(data Interface, n int) {
	if n > 1 {
		pdq(data, 0, n, bitLen(uint(n)))
	}
}

// siftDown restores the max-heap order of the heap data[first+lo :
// first+hi] below node root.
func siftDown(data Interface, root, hi, first int) {
	for {
		c := 2*root + 1
		if c >= hi {
			return
		}
		if c+1 < hi && data.Less(first+c, first+c+1) {
			c++
		}
		if !data.Less(first+root, first+c) {
			return
		}
		data.Swap(first+root, first+c)
		root = c
	}
}

func heapSort(data Interface, a, b int) {
	n := b - a
	for i := (n - 1) / 2; i >= 0; i-- {
		siftDown(data, i, n, a)
	}
	for i := n - 1; i >= 0; i-- {
		data.Swap(a, a+i)
		siftDown(data, 0, i, a)
	}
}

const (
	hintUnknown = iota
	hintIncreasing
	hintDecreasing
)

// pdq sorts data[a:b]; after limit badly unbalanced partitions it falls
// back to heap sort.
func pdq(data Interface, a, b, limit int) {
	balanced := true
	partitioned := true
	for {
		n := b - a
		if n <= 12 {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !balanced {
			scramble(data, a, b)
			limit--
		}
		pivot, hint := pickPivot(data, a, b)
		if hint == hintDecreasing {
			reverseRange(data, a, b)
			pivot = (b - 1) - (pivot - a)
			hint = hintIncreasing
		}
		if balanced && partitioned && hint == hintIncreasing && nearlySorted(data, a, b) {
			return
		}
		// Nothing in data[a:b] is below the element just before it, the
		// previous pivot: if the new pivot equals it, split off the run of
		// equal elements.
		if a > 0 && !data.Less(a-1, pivot) {
			a = splitEqual(data, a, b, pivot)
			continue
		}
		mid, already := split(data, a, b, pivot)
		partitioned = already
		left, right := mid-a, b-mid
		if left < right {
			balanced = left >= n/8
			pdq(data, a, mid, limit)
			a = mid + 1
		} else {
			balanced = right >= n/8
			pdq(data, mid+1, b, limit)
			b = mid
		}
	}
}

// split partitions data[a:b] around data[pivot]: smaller elements before
// the returned index, which then holds the pivot, the rest after; and
// whether no element had to move.
func split(data Interface, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for i <= j && data.Less(i, a) {
		i++
	}
	for i <= j && !data.Less(j, a) {
		j--
	}
	if i > j {
		data.Swap(j, a)
		return j, true
	}
	data.Swap(i, j)
	i++
	j--
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	data.Swap(j, a)
	return j, false
}

// splitEqual moves the elements of data[a:b] equal to data[pivot] (none
// being smaller) to the front; returns where the greater ones start.
func splitEqual(data Interface, a, b, pivot int) int {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			return i
		}
		data.Swap(i, j)
		i++
		j--
	}
}

// nearlySorted fixes up to 5 adjacent inversions in data[a:b] (only when
// it has at least 50 elements) and reports whether it is then sorted.
func nearlySorted(data Interface, a, b int) bool {
	i := a + 1
	for step := 0; step < 5; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < 50 {
			return false
		}
		data.Swap(i, i-1)
		// Move the smaller element left (gc scans down to index 1, not a+1).
		if i-a >= 2 {
			for k := i - 1; k >= 1 && data.Less(k, k-1); k-- {
				data.Swap(k, k-1)
			}
		}
		// And the larger one right.
		if b-i >= 2 {
			for k := i + 1; k < b && data.Less(k, k-1); k++ {
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

// scramble swaps three elements around the middle of data[a:b] with
// pseudo-random others (a 64-bit xorshift generator, shifts 13, 7, 17,
// seeded by the length), to break patterns that defeat the pivot choice.
func scramble(data Interface, a, b int) {
	n := b - a
	if n < 8 {
		return
	}
	seed := uint64(n)
	mask := uint(1)<<uint(bitLen(uint(n))) - 1
	mid := a + (n/4)*2
	for idx := mid - 1; idx <= mid+1; idx++ {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		other := int(uint(seed) & mask)
		if other >= n {
			other -= n
		}
		data.Swap(idx, a+other)
	}
}

// pickPivot chooses a pivot index for data[a:b]: fixed below 8 elements,
// the median of three below 50, else the median of three medians of
// neighbours. The hint says whether the samples looked increasing (no
// swap needed) or decreasing (every comparison swapped).
func pickPivot(data Interface, a, b int) (int, int) {
	n := b - a
	swaps := 0
	i := a + n/4*1
	j := a + n/4*2
	k := a + n/4*3
	if n >= 8 {
		if n >= 50 {
			i = median3(data, i-1, i, i+1, &swaps)
			j = median3(data, j-1, j, j+1, &swaps)
			k = median3(data, k-1, k, k+1, &swaps)
		}
		j = median3(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, hintIncreasing
	case 12:
		return j, hintDecreasing
	}
	return j, hintUnknown
}

// sort2 orders two indices by their elements, counting a swap.
func sort2(data Interface, a, b int, swaps *int) (int, int) {
	if data.Less(b, a) {
		*swaps++
		return b, a
	}
	return a, b
}

// median3: the index among a, b, c of the median element.
func median3(data Interface, a, b, c int, swaps *int) int {
	a, b = sort2(data, a, b, swaps)
	b, c = sort2(data, b, c, swaps)
	a, b = sort2(data, a, b, swaps)
	return b
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}
