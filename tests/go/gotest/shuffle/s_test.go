// -shuffle=N: the seed is printed and the tests run in the order gc's
// math/rand gives for it.
package shuffle

import "testing"

func Test00(t *testing.T) {}

func Test01(t *testing.T) {}

func Test02(t *testing.T) {}

func Test03(t *testing.T) {}

func Test04(t *testing.T) {}

func Test05(t *testing.T) {}

func Test06(t *testing.T) {}

func Test07(t *testing.T) {}

func Test08(t *testing.T) {}

func Test09(t *testing.T) {}

func Test10(t *testing.T) {}

func Test11(t *testing.T) {}

