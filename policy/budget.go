package policy

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/netip"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// User policies run on pull requests from strangers' branches, so a rule
// that loops 10^10 times or builds a 200-million-element set must not hold
// the scan (or the CI runner's memory) hostage. Two bounds:
//
//   - Time: each rule gets RuleTimeout per input (the org view counts
//     as one input per thousand documents). Rules of a type are
//     evaluated as one query; the query gets one rule's budget, and when it
//     runs out every rule is run alone with its own. A rule that runs out
//     is an input problem naming it, the other rules' findings are kept, and
//     it is not run again in the scan (it would cost its budget on every
//     document). OPA checks the context between evaluation steps
//     (topdown cancellation), so the budget stops any Rego loop.
//   - Memory: a single builtin call is one evaluation step; those that
//     build a collection whose size the caller chooses are bounded before
//     they allocate (net.cidr_expand, numbers.range, numbers.range_step).

// DefaultRuleTimeout is the evaluation budget of one rule on one input.
// Built-in rules take milliseconds on the largest profiles.
const DefaultRuleTimeout = 10 * time.Second

// MaxGenerated is the most elements a bounded builtin may produce.
const MaxGenerated = 1 << 16

var errOverBudget = errors.New("exceeded its evaluation time budget")

func (e *Engine) evalBudgeted(ctx context.Context, pq *rego.PreparedEvalQuery, input ast.Value, budget time.Duration) (rego.ResultSet, error) {
	cctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	rs, err := pq.Eval(cctx, rego.EvalParsedInput(input))
	if err != nil && errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
		return nil, errOverBudget
	}
	return rs, err
}

// orgBudget is the budget of an org-scope rule: the org view of n
// documents counts as one input per thousand documents, since such a rule
// legitimately reads them all.
func (e *Engine) orgBudget(n int) time.Duration {
	return e.timeout * time.Duration(1+n/1000)
}

func (e *Engine) isOverBudget(r *loadedRule) bool {
	_, over := e.overBudget.Load(r.meta.ID)
	return over
}

func (e *Engine) anyOverBudget(rs []*loadedRule) bool {
	for _, r := range rs {
		if e.isOverBudget(r) {
			return true
		}
	}
	return false
}

// markOverBudget records r and reports whether this call was the first to
// do so (the one that reports it).
func (e *Engine) markOverBudget(r *loadedRule) bool {
	_, already := e.overBudget.LoadOrStore(r.meta.ID, true)
	return !already
}

// The bounded builtins replace OPA's implementations process-wide; sfguard
// is the only evaluator in the process.
func init() {
	topdown.RegisterBuiltinFunc(ast.NetCIDRExpand.Name, boundedCIDRExpand)
	topdown.RegisterBuiltinFunc(ast.NumbersRange.Name, func(_ topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		return boundedRange(ast.NumbersRange.Name, ops[0], ops[1], nil, iter)
	})
	topdown.RegisterBuiltinFunc(ast.NumbersRangeStep.Name, func(_ topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		return boundedRange(ast.NumbersRangeStep.Name, ops[0], ops[1], ops[2], iter)
	})
}

// refuse stops the whole evaluation: a plain builtin error would only make
// the expression undefined, and the rule would pass silently.
func refuse(format string, args ...any) error {
	return topdown.Halt{Err: &topdown.Error{Code: topdown.BuiltinErr, Message: fmt.Sprintf(format, args...)}}
}

func boundedCIDRExpand(_ topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
	s, err := builtins.StringOperand(ops[0].Value, 1)
	if err != nil {
		return err
	}
	prefix, err := netip.ParsePrefix(string(s))
	if err != nil {
		return err
	}
	if host := prefix.Addr().BitLen() - prefix.Bits(); host > 16 {
		return refuse("net.cidr_expand: %s holds 2^%d addresses; sfguard expands at most %d (use net.cidr_contains or net.cidr_intersects)", string(s), host, MaxGenerated)
	}
	set := ast.NewSet()
	for a := prefix.Masked().Addr(); prefix.Contains(a); a = a.Next() {
		set.Add(ast.StringTerm(a.String()))
		if !a.Next().IsValid() {
			break
		}
	}
	return iter(ast.NewTerm(set))
}

func boundedRange(name string, from, to, step *ast.Term, iter func(*ast.Term) error) error {
	x, err := builtins.BigIntOperand(from.Value, 1)
	if err != nil {
		return err
	}
	y, err := builtins.BigIntOperand(to.Value, 2)
	if err != nil {
		return err
	}
	st := big.NewInt(1)
	if step != nil {
		if st, err = builtins.BigIntOperand(step.Value, 3); err != nil {
			return err
		}
		if st.Sign() <= 0 {
			return fmt.Errorf("%s: step must be a positive integer", name)
		}
	}
	span := new(big.Int).Sub(y, x)
	span.Abs(span)
	count := span.Div(span, st)
	if count.Cmp(big.NewInt(MaxGenerated)) >= 0 {
		return refuse("%s: the range has more than %d elements, the most sfguard generates", name, MaxGenerated)
	}
	n := int(count.Int64()) + 1
	terms := make([]*ast.Term, 0, n)
	i := new(big.Int).Set(x)
	if x.Cmp(y) > 0 {
		st = new(big.Int).Neg(st)
	}
	for k := 0; k < n; k++ {
		terms = append(terms, ast.NewTerm(ast.Number(i.String())))
		i.Add(i, st)
	}
	return iter(ast.ArrayTerm(terms...))
}
