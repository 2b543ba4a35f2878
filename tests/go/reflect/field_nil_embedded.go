// run

// FieldByIndexErr through a nil embedded pointer: the error names the
// embedded type as Name does (text/template reports it so).

package main

import (
	"fmt"
	"os"
	"reflect"
	"text/template"
)

type A struct{ S string }
type B struct{ *A }

func main() {
	_, err := reflect.ValueOf(B{}).FieldByIndexErr([]int{0, 0})
	fmt.Println(err)
	err = template.Must(template.New("").Parse("{{ .S }}")).Execute(os.Stdout, B{})
	fmt.Println(err)
	type local struct{ X int }
	type outer struct{ *local }
	_, err = reflect.ValueOf(outer{}).FieldByIndexErr([]int{0, 0})
	fmt.Println(err)
}
