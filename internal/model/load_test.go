package model

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

func TestLoad(t *testing.T) {
	data := readTestdata(t, "ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp")
	d, err := Load(mustType(t, "ConnectedApp"), "Mckinsey_Deployment", "src/connectedApps/Mckinsey_Deployment.connectedApp", sfmeta.FormatMDAPI, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := struct {
		Type, FullName, Path string
		Format               sfmeta.Format
		Size                 int64
		Partial              bool
	}{d.Type.Name, d.FullName, d.Path, d.Format, d.Size, d.Partial}
	want := got
	want.Type, want.FullName, want.Path, want.Format, want.Size, want.Partial = "ConnectedApp", "Mckinsey_Deployment", "src/connectedApps/Mckinsey_Deployment.connectedApp", sfmeta.FormatMDAPI, int64(len(data)), false
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("document (-want +got):\n%s", diff)
	}

	partial, err := Load(mustType(t, "ConnectedApp"), "M", "p", sfmeta.FormatMDAPI, data, keepNames("oauthPolicy"))
	if err != nil {
		t.Fatal(err)
	}
	if !partial.Partial || len(partial.Root.Children) != 1 {
		t.Errorf("filtered load: Partial=%v children=%d, want true and 1", partial.Partial, len(partial.Root.Children))
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		typeName string
		data     string
		want     *ParseError
	}{
		{"wrong root", "ConnectedApp", "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>",
			&ParseError{2, 1, "root element is <Profile>, but a ConnectedApp file must have <ConnectedApp>"}},
		{"settings root of another settings type", "SecuritySettings", "<OauthOidcSettings/>",
			&ParseError{1, 1, "root element is <OauthOidcSettings>, but a SecuritySettings file must have <SecuritySettings>"}},
		{"parse errors pass through", "Profile", "", &ParseError{1, 1, "empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(mustType(t, tt.typeName), "X", "x", sfmeta.FormatMDAPI, []byte(tt.data), nil)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if diff := cmp.Diff(tt.want, pe); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}
