import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** Where the app's and plugins' runtime code lives; tests, benches and migrations are not served. */
export const CODE_ROOTS = ['src', 'collections', 'payload.config.ts', ...pluginSources()]
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/
const SKIPPED = new Set(['node_modules', 'migrations', 'dist'])

function pluginSources(): string[] {
  return readdirSync('plugins', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join('plugins', entry.name, 'src'))
}

/** Every code file under the roots, recursively. */
export const codeFiles = (roots: string[] = CODE_ROOTS): string[] =>
  roots.flatMap((root) => {
    const entries = (() => {
      try {
        return readdirSync(root, { withFileTypes: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
    })()
    if (!entries) return CODE_FILE.test(root) ? [root] : []
    return entries
      .filter((entry) => !SKIPPED.has(entry.name) && !entry.name.endsWith('.d.ts'))
      .flatMap((entry) => codeFiles([path.join(root, entry.name)]))
  })

/** A regular expression found in the code: where, and its pattern, or why the pattern can't be known. */
export type FoundRegex = { at: string; source: string; flags: string } | { at: string; dynamic: string }

const scriptKind = (file: string) =>
  file.endsWith('x') ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS

/**
 * Every regular expression literal, and every `new RegExp(…)` / `RegExp(…)`, in one file, read
 * by the TypeScript parser. A pattern built from string literals, templates, `+` and `const`s
 * declared in the file with such values is folded to its text; anything else is `dynamic`.
 */
export const regexesIn = (file: string, text = readFileSync(file, 'utf8')): FoundRegex[] => {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file))
  const constants = new Map<string, ts.Expression | null>()
  const found: FoundRegex[] = []
  const where = (node: ts.Node) => `${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`

  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue
        // A name declared twice (in two scopes) is not folded: which one is meant is unknown here.
        const name = declaration.name.text
        constants.set(name, constants.has(name) ? null : declaration.initializer)
      }
    }
    ts.forEachChild(node, collect)
  }
  collect(sourceFile)

  const fold = (node: ts.Expression, seen = new Set<string>()): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      return fold(node.expression, seen)
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text
      for (const span of node.templateSpans) {
        const value = fold(span.expression, seen)
        if (value === undefined) return undefined
        out += value + span.literal.text
      }
      return out
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = fold(node.left, seen)
      const right = left === undefined ? undefined : fold(node.right, seen)
      return right === undefined ? undefined : left! + right
    }
    if (ts.isIdentifier(node) && !seen.has(node.text)) {
      const value = constants.get(node.text)
      return value ? fold(value, new Set([...seen, node.text])) : undefined
    }
    if (ts.isRegularExpressionLiteral(node)) return literal(node).source
    return undefined
  }

  const literal = (node: ts.RegularExpressionLiteral) => {
    const end = node.text.lastIndexOf('/')
    return { source: node.text.slice(1, end), flags: node.text.slice(end + 1) }
  }

  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) found.push({ at: where(node), ...literal(node) })
    else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? []
      const source = pattern && fold(pattern)
      const flagText = flags ? fold(flags) : pattern && ts.isRegularExpressionLiteral(pattern) ? literal(pattern).flags : ''
      // `new RegExp(/x/)` is also found as the literal; only a new pattern or new flags add one.
      if (source === undefined || flagText === undefined) found.push({ at: where(node), dynamic: node.getText(sourceFile) })
      else if (!(pattern && ts.isRegularExpressionLiteral(pattern) && !flags)) found.push({ at: where(node), source, flags: flagText })
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}
