package disk

type Disk struct{ m map[string]string }

func Open() *Disk { return &Disk{map[string]string{}} }

func (d *Disk) Write(k, v string) { d.m[k] = v }

func (d *Disk) Read(k string) string { return d.m[k] }

func (d *Disk) Has(k string) bool { _, ok := d.m[k]; return ok }
