package demo

import (
	"reflect"
	"testing"
)

// TestEveryKindMade: the seed county has records of every kind a dataset
// holds, so a new kind whose step is not registered (seedSteps.add), or a
// step forgotten, fails here.
func TestEveryKindMade(t *testing.T) {
	v := reflect.ValueOf(county).Elem()
	for i := range v.NumField() {
		if f := v.Type().Field(i); f.Type.Kind() == reflect.Slice && v.Field(i).Len() == 0 {
			t.Errorf("the demo county has no %s", f.Name)
		}
	}
	if len(seedSteps) == 0 || len(liveSteps) == 0 {
		t.Errorf("%d seed steps, %d living steps registered", len(seedSteps), len(liveSteps))
	}
}
