// T.Context and B.Context: live while the test runs, canceled just before
// its cleanups (each test's own, not its parent's), canceled already when
// first asked for inside a cleanup.
package ctx

import (
	"context"
	"testing"
)

func TestContext(t *testing.T) {
	ctx := t.Context()
	if ctx != t.Context() {
		t.Error("two contexts")
	}
	t.Log("during the test:", ctx.Err(), ctx)
	t.Cleanup(func() {
		t.Log("in a cleanup:", ctx.Err(), context.Cause(ctx))
	})
	t.Run("sub", func(t *testing.T) {
		sub := t.Context()
		t.Cleanup(func() {
			t.Log("sub's cleanup: sub", sub.Err(), "parent", ctx.Err())
		})
	})
	t.Log("after sub:", ctx.Err())
}

func TestContextInCleanup(t *testing.T) {
	t.Cleanup(func() {
		t.Log("first asked in a cleanup:", t.Context().Err())
	})
}

func TestContextDone(t *testing.T) {
	done := make(chan struct{})
	go func() {
		<-t.Context().Done()
		close(done)
	}()
	t.Cleanup(func() {
		<-done
		t.Log("the goroutine saw the cancellation")
	})
}

func BenchmarkContext(b *testing.B) {
	ctx := b.Context()
	for b.Loop() {
	}
	if ctx.Err() != nil {
		b.Fatal("canceled during the benchmark")
	}
}

func TestTB(t *testing.T) {
	var tb testing.TB = t
	t.Log(tb.Context().Err())
}
