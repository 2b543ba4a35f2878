package userflags

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files")
	name   = flag.String("name", "", "a name")
)

func TestMain(m *testing.M) {
	fmt.Println("parsed before:", flag.Parsed())
	flag.Parse()
	fmt.Println("update:", *update, "name:", *name, "args:", flag.Args())
	for _, f := range []string{"test.v", "test.run", "test.count", "test.short", "test.timeout"} {
		fmt.Println(f, flag.Lookup(f) != nil)
	}
	os.Exit(m.Run())
}

func TestA(t *testing.T) {
	t.Log("verbose:", testing.Verbose(), "short:", testing.Short())
	if v := flag.Lookup("test.v"); v != nil {
		t.Log("test.v =", v.Value.String())
	}
}

func TestB(t *testing.T) {
	if !*update {
		t.Fatal("want -update")
	}
}
