// The type side of the OpenTok.js double's contract, run in a page after TypeScript's own
// typescript.js (which defines the global `ts`), on files held in memory: no Node, no network.
(() => {
  const options = {
    strict: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    // OpenTok.js's own declarations do not compile cleanly on their own (a duplicate `promise`):
    // as in the app's build, declaration files are taken as they are
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  };

  /** @param {Record<string, string>} files absolute path to text */
  function programOf(files, roots) {
    const host = {
      getSourceFile: (name, languageVersion) =>
        files[name] === undefined ? undefined : ts.createSourceFile(name, files[name], languageVersion, true),
      getDefaultLibFileName: (compilerOptions) => `/lib/${ts.getDefaultLibFileName(compilerOptions)}`,
      getDefaultLibLocation: () => '/lib',
      writeFile: () => {},
      getCurrentDirectory: () => '/',
      getDirectories: () => [],
      fileExists: (name) => files[name] !== undefined,
      readFile: (name) => files[name],
      directoryExists: (name) => {
        const prefix = name.endsWith('/') ? name : `${name}/`;
        return Object.keys(files).some((file) => file.startsWith(prefix));
      },
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
    };
    return ts.createProgram(roots, options, host);
  }

  function describe(diagnostic) {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) {
      return text;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${text}`;
  }

  /** The declared type of a type alias exported by `file`. */
  function exportedType(checker, source, name) {
    const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)).find((s) => s.name === name);
    if (!symbol) {
      throw new Error(`${source.fileName} exports no ${name}`);
    }
    return checker.getDeclaredTypeOfSymbol(symbol);
  }

  /** The event map an OpenTok.js class is declared with: `class Session extends SessionOTEventEmitter<{...}>`. */
  function realEventMap(checker, classType) {
    const base = checker.getBaseTypes(classType)[0];
    if (!base) {
      throw new Error(`${checker.typeToString(classType)} has no event emitter base`);
    }
    return checker.getTypeArguments(base)[0];
  }

  window.openTokContract = {
    /** Every error of compiling `roots`, as `file:line:column: message`. */
    diagnostics(files, roots) {
      const program = programOf(files, roots);
      return ts.getPreEmitDiagnostics(program).map(describe);
    },

    /**
     * For each [real class alias, double event map alias] exported by `root`: every event the
     * double fires, whether OpenTok.js's types name it, and whether the real event object satisfies
     * the double's (so the fields the engine reads are there, with their types).
     */
    events(files, root, pairs) {
      const program = programOf(files, [root]);
      const checker = program.getTypeChecker();
      const source = program.getSourceFile(root);
      return pairs.map(([realAlias, doubleAlias]) => {
        const realMap = realEventMap(checker, exportedType(checker, source, realAlias));
        const doubleMap = exportedType(checker, source, doubleAlias);
        const realNames = checker.getPropertiesOfType(realMap).map((p) => p.name);
        const events = checker.getPropertiesOfType(doubleMap).map((event) => {
          const real = checker.getPropertyOfType(realMap, event.name);
          return {
            name: event.name,
            real: Boolean(real),
            fits: Boolean(real) && checker.isTypeAssignableTo(checker.getTypeOfSymbol(real), checker.getTypeOfSymbol(event)),
          };
        });
        return { real: realAlias, double: doubleAlias, realNames, events };
      });
    },
  };
})();
