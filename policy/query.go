package policy

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/sfguard/sfguard/internal/model"
)

// QueryOrg evaluates one Rego reference (such as data.sfguard.access.matrix)
// over the org input of docs, with the compiled pack and the rule
// parameters, and returns its value as plain Go data (maps, slices,
// json.Number). Documents that are not rules, like the access matrix, are
// computed this way so that they share the rules' helpers and verdicts.
func (e *Engine) QueryOrg(ctx context.Context, docs []*model.Document, ref string) (any, error) {
	if err := e.Wait(); err != nil {
		return nil, err
	}
	pq, err := rego.New(
		rego.Query("x := "+ref),
		rego.Compiler(e.compiler),
		rego.Store(e.store),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("preparing %s: %w", ref, err)
	}
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(OrgInput(docs)))
	if err != nil {
		return nil, fmt.Errorf("evaluating %s: %w", ref, err)
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("%s is undefined", ref)
	}
	return rs[0].Bindings["x"], nil
}
