package cache

import (
	"example.com/internal/store"
	"example.com/internal/store/internal/disk"
)

func Hits(s *store.Store, k string) bool {
	var d *disk.Disk = s.Disk()
	return d.Has(s.Name() + "/" + k)
}
