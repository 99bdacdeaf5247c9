import { matchBracket } from './source';

const ALGORITHM_STATEMENT =
  /\\(STATE|IF|ELSIF|ELSE|ENDIF|FOR|FORALL|ENDFOR|WHILE|ENDWHILE|REPEAT|UNTIL|LOOP|ENDLOOP|REQUIRE|ENSURE|RETURN|PRINT|State|Statex|If|ElsIf|Else|EndIf|For|ForAll|EndFor|While|EndWhile|Repeat|Until|Loop|EndLoop|Require|Ensure|Function|EndFunction|Procedure|EndProcedure)(?![A-Za-z@])/g;
const ALGORITHM_FRAME = /^\s*(?:\\(?:begin|end)\s*\{[^}]*\}(?:\s*\[[^\]]*\])?|\\(?:caption|label)\s*(?:\[[^\]]*\])?\{.*\}|\\(?:centering|small|footnotesize|scriptsize)\b)\s*$/;

/**
 * Printed lines of an algorithm's body: one per statement of `algorithmic`/`algpseudocode`
 * (`\STATE`, `\If`...; end lines left out when the package is loaded with `noend`), else the
 * source lines that are not its frame (`\begin`, `\caption`, `\label`).
 */
export function algorithmLines(body: string, noEnd = false): number {
  const source = body.replace(/(?<!\\)%[^\n]*/g, '');
  if (source.includes('\\;')) return algorithm2eLines(source, noEnd);
  let statements = 0;
  ALGORITHM_STATEMENT.lastIndex = 0;
  for (let m = ALGORITHM_STATEMENT.exec(source); m; m = ALGORITHM_STATEMENT.exec(source)) {
    if (!(noEnd && /^(END|End)/.test(m[1] ?? ''))) statements++;
  }
  if (statements > 0) return statements;
  return source.split(/\r?\n|\r/).filter((l) => l.trim() !== '' && !ALGORITHM_FRAME.test(l)).length;
}

/** algorithm2e's blocks that print an "end" line, and the heads that print a line of their own. */
const ALGORITHM2E_BLOCK = /\\(?:For|ForEach|ForAll|While|If|eIf|Switch|Fn|Function|Procedure)\s*(?=[({])/g;
const ALGORITHM2E_HEAD = /\\(?:uIf|ElseIf|uElseIf|Else|uElse|Repeat|Case|uCase|Other|eIf)\s*(?=[({])/g;
const ALGORITHM2E_KEYWORD = /^\s*\\(?:Kw[A-Za-z]*|Input|Output|Data|Result)\s*\{/gm;

/**
 * Printed lines of an algorithm2e body: a line a statement (`\;`), a line a block's head
 * (`\For{..}{`, `\If`, `\uElse`... `\eIf` heads its else too), an "end" line a block unless
 * `noend`/`vlined`, and the lines of `\KwIn{..}`-like keywords (one, plus one a `\\` in them).
 */
function algorithm2eLines(source: string, noEnd: boolean): number {
  const count = (re: RegExp): number => source.match(re)?.length ?? 0;
  const statements = source.split('\\;').length - 1;
  let keywords = 0;
  for (const m of source.matchAll(ALGORITHM2E_KEYWORD)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const close = matchBracket(source, open, '{', '}');
    keywords += 1 + (source.slice(open, close < 0 ? undefined : close).match(/\\\\/g)?.length ?? 0);
  }
  const blocks = count(ALGORITHM2E_BLOCK);
  return statements + keywords + blocks + count(ALGORITHM2E_HEAD) + (noEnd ? 0 : blocks);
}
