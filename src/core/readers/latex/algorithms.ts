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
  let statements = 0;
  ALGORITHM_STATEMENT.lastIndex = 0;
  for (let m = ALGORITHM_STATEMENT.exec(source); m; m = ALGORITHM_STATEMENT.exec(source)) {
    if (!(noEnd && /^(END|End)/.test(m[1] ?? ''))) statements++;
  }
  if (statements > 0) return statements;
  return source.split(/\r?\n|\r/).filter((l) => l.trim() !== '' && !ALGORITHM_FRAME.test(l)).length;
}
