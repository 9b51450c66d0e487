# Mensajes de verso, español. Cada id debe existir en todas las lenguas, con las mismas
# variables; `cargo test` lo comprueba.

## Línea de órdenes: descripciones y ayuda

about-verso = Traduce y localiza artículos: segmenta, traduce, revisa y escribe conservando la maquetación.
help-verso-ui_lang = Idioma de los mensajes de verso (BCP 47, p. ej. en); por defecto, LANG.
about-translate = Traduce archivos y directorios de artículos a uno o más idiomas.
help-translate-paths = Archivos (.md, .markdown, .txt) o directorios, recorridos recursivamente.
help-translate-to = Idiomas de destino, etiquetas BCP 47 separadas por comas (es,ca).
help-translate-from = Idioma de origen (BCP 47); por defecto, el de la configuración (en).
help-translate-engine = Motor de traducción: apertium, apy, deepl, google, libretranslate, openai, command, identity o pseudo, seguido de translate.fallback de la configuración.
help-translate-out = Directorio de salida; los archivos van a DIR/<idioma>/<ruta relativa>.
help-translate-config = Archivo de configuración; por defecto ./verso.toml si existe, si no los valores incorporados.
help-translate-report = Escribe un informe JSON de la ejecución en FILE.
help-translate-jobs = Segmentos en curso a la vez por motor.
help-translate-memory = Memoria de traducción: un archivo SQLite o una URL postgres:// (si no, VERSO_MEMORY_URL y luego la configuración; por defecto .verso/memory.sqlite).
help-translate-ui_lang = { help-verso-ui_lang }
about-segment = Muestra los bloques en que se divide un archivo, con tipo, rango de bytes y línea.
help-segment-file = El archivo que se segmenta.
help-segment-json = Imprime JSON en lugar de una tabla.
help-segment-config = Archivo de configuración (claves del preámbulo que se traducen).
help-segment-ui_lang = { help-verso-ui_lang }
about-engines = Lista los motores de traducción y, para Apertium, los pares de idiomas instalados.
help-engines-config = Archivo de configuración (dónde están los modos de Apertium).
help-engines-ui_lang = { help-verso-ui_lang }

## Línea de órdenes: resultados

cli-error = error: { $reason }
cli-no-targets = No hay idioma de destino: indique --to o defina translate.to en la configuración.
summary = { $files ->
        [one] { $files } archivo
       *[other] { $files } archivos
    }, { $blocks ->
        [one] { $blocks } bloque
       *[other] { $blocks } bloques
    }: { $hits } de la memoria, { $calls ->
        [one] { $calls } llamada al motor
       *[other] { $calls } llamadas al motor
    }; { $outputs } escritos, { $issues ->
        [one] { $issues } incidencia
       *[other] { $issues } incidencias
    }, { $failures ->
        [one] { $failures } fallo
       *[other] { $failures } fallos
    } en { $seconds } s.
summary-engine-unfinished = El motor falló en { $failed ->
        [one] { $failed } segmento
       *[other] { $failed } segmentos
    } y { $unsent ->
        [one] { $unsent } segmento no se envió
       *[other] { $unsent } segmentos no se enviaron
    }; lo traducido está en la memoria, y una nueva ejecución solo pide el resto.
summary-output = Salida: { $dir }
progress-blocks = bloques
progress-wrote = { $locale }: escrito { $output } ({ $blocks ->
        [one] { $blocks } bloque
       *[other] { $blocks } bloques
    }: { $hits } de la memoria, { $calls } traducidos; { $issues ->
        [one] { $issues } incidencia
       *[other] { $issues } incidencias
    })
progress-failed-input = error: { $reason }
progress-failed = error: { $source } [{ $locale }]: { $reason }
engines-apertium = sin conexión, basado en reglas; { $count } pares instalados en { $dir }: { $pairs }
engines-apertium-missing = sin conexión, basado en reglas; no instalado (apt-get install apertium apertium-eng-spa)
engines-identity = copia el original sin cambios (comprueba la ida y vuelta de la maquetación)
engines-pseudo = pseudolocalización: con acentos, un 35 % más largo, entre corchetes (prueba maquetaciones)

## Lectura de entradas

read-not-regular = no es un archivo normal sino { $kind ->
        [FIFO] una FIFO
        [socket] un socket
        [device] un dispositivo
        [directory] un directorio
       *[other] un archivo especial
    }; se omite (indique un archivo)
read-io = { $path }: no se puede leer el archivo ({ $reason }). Compruebe que existe y se puede leer.
read-invalid-utf8 = { $path }:{ $line }: no es UTF-8 válido (byte { $offset }). Convierta el archivo a UTF-8, p. ej. iconv -f WINDOWS-1252 -t UTF-8.
read-invalid-utf16 = { $path }:{ $line }: no es UTF-16 válido en el byte { $offset }, aunque el archivo empieza como UTF-16. Guárdelo como UTF-8 o UTF-16.
read-binary = { $path }: es un archivo binario (contiene bytes NUL), no un artículo. Quítelo del lote.
read-empty = { $path }: el archivo está vacío; no hay nada que traducir.
read-unknown-format = { $path }: verso lee archivos .md, .markdown y .txt.
input-missing = { $path }: no existe el archivo o directorio.
input-unsupported = { $path }: no es un archivo de artículo; verso lee { $extensions }.
input-collision = { $path }: omitido, sobrescribiría la salida de { $kept } (ambos son { $relative }). Tradúzcalos en ejecuciones distintas o con otro --out.
input-not-regular = { $path }: no es un archivo normal sino { $kind ->
        [FIFO] una FIFO
        [socket] un socket
        [device] un dispositivo
        [directory] un directorio
       *[other] un archivo especial
    }; se omite.
input-walk = { $path }: no se puede leer el directorio ({ $reason }).
locale-invalid = «{ $tag }» no es una etiqueta de idioma BCP 47; escriba p. ej. es, es-ES, de-CH o ca-ES-valencia.

## Configuración y memoria

config-read = { $path }: no se puede leer la configuración ({ $reason }).
config-invalid = { $path }:{ $line }: { $reason }. Las claves válidas están en config/verso.toml.
memory-error = memoria de traducción { $path }: { $reason }. { $kind ->
        [server] Compruebe la dirección (--memory, VERSO_MEMORY_URL o memory.url), que la base de datos existe y que el servidor está en marcha.
       *[file] Compruebe la ruta o indique --memory FILE.
    }

## Motores

engine-unknown = no hay ningún motor llamado «{ $name }»; ejecute verso engines para verlos.
engine-not-installed = { $engine } no está instalado. Instálelo con: { $install }
engine-pair-missing = { $engine } no tiene el par { $pair } (instalados: { $installed }). Instálelo con: { $install }
engine-timeout = { $engine } no respondió en { $seconds } s; se reinició y se omitió el párrafo.
engine-failed = { $engine } falló: { $detail }

## Traducción y escritura

block-failed = bloque { $block } (línea { $line }): { $reason }
file-not-written = no se escribió: { $reason }{ $more ->
        [0] {""}
        [one] {" "}(y { $more } bloque más)
       *[other] {" "}(y { $more } bloques más)
    }. Los párrafos terminados están en la memoria; vuelva a ejecutar para completarlo.
output-cannot-write = no se puede escribir { $path }
output-write = no se puede escribir { $path }: { $reason }
output-is-directory = es un directorio; indique un nombre de archivo
output-link-loop = sus enlaces simbólicos forman un bucle
structure-lost = el motor perdió { $tag } { $source }; se añadió de nuevo al final del bloque entre ⟦ ⟧.
structure-duplicated = el motor repitió { $tag } { $source }; se quitó la copia.
structure-empty = el motor no devolvió texto para este bloque.
structure-plural-added = { $category } es una forma de plural de la lengua de destino que el original no tiene: se ha añadido con el texto de la forma por defecto; escríbala para { $category }.

## Glosarios

glossary-error = { $path }{ $line ->
        [0] {""}
       *[other] :{ $line }
    }: { $reason }
glossary-unknown-format = no es un archivo de glosario: verso lee .toml, .tbx, .csv y .tsv
glossary-override = glosario: el concepto { $id } de { $replaced } queda sustituido por { $by }
help-translate-glossary = Archivo de glosario (TOML, TBX, CSV, TSV); repítalo para superponerlos, ganando los posteriores por concepto.
help-translate-terms = Qué hace el glosario: enforce (los nombres se escriben en su forma de destino), check (solo se buscan y notifican), off.
lint-invalid-locale = «{ $tag }» no es una etiqueta de idioma BCP 47 (escriba es-ES, no es_ES)
lint-empty-term = un término vacío en { $locale }
lint-forbidden-own = «{ $term }» está a la vez permitido y prohibido en { $locale }
lint-forbidden-other = «{ $term }» está prohibido aquí, pero es el término preferido en { $locale } de { $other }
lint-duplicate-term = «{ $term }» figura dos veces en { $locale }
lint-no-source-term = no hay término en { $locale }: este concepto nunca se encontrará en un artículo
lint-missing-preferred = no hay término preferido para { $locale }, un idioma de destino
lint-duplicate-concept = el mismo concepto que { $other }
lint-ambiguous = «{ $term }» pertenece a { $concepts }; dé palabras de contexto a todos menos uno
lint-finding = { $file }:{ $line }: { $severity }[{ $rule }] { $concept }: { $message }
lint-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } aviso
       *[other] { $warnings } avisos
    } en { $concepts } conceptos.
severity-error = error
severity-warning = aviso

## verso glossary

about-glossary = Mantiene glosarios: añadir, quitar, mostrar, listar, buscar, revisar, fusionar, importar, exportar, sugerir, cobertura.
about-glossary-add = Añade un concepto a un glosario TOML (o sustituye el del mismo id), conservando los comentarios del archivo.
help-glossary-add-file = El glosario TOML que se edita (se crea si no existe).
help-glossary-add-id = Id del concepto; por defecto, derivado del primer --term.
help-glossary-add-kind = person, organization, place, brand, publication, name, unit o term.
help-glossary-add-terms = Término preferido en un idioma, como IDIOMA=TEXTO (es="Kirilo Budánov"); repetible.
help-glossary-add-admitted = Variante admitida, como IDIOMA=TEXTO; repetible.
help-glossary-add-forbidden = Término prohibido, como IDIOMA=TEXTO; repetible.
help-glossary-add-note = Una nota para traductores.
help-glossary-add-context = Una palabra de contexto que distingue este concepto de un homónimo; repetible.
help-glossary-add-dnt = No traducir: cada idioma conserva la forma de origen salvo que indique la suya.
help-glossary-add-case_sensitive = Distinguir mayúsculas (marcas como «blue News»).
about-glossary-rm = Quita conceptos de un glosario TOML, dejando el resto del archivo tal cual.
help-glossary-rm-file = El glosario TOML que se edita.
help-glossary-rm-ids = Ids de los conceptos que se quitan.
about-glossary-show = Muestra un concepto en TOML, con el archivo y la línea de donde procede.
help-glossary-show-id = El id del concepto.
help-glossary-show-glossary = Archivo de glosario (TOML, TBX, CSV, TSV); repítalo para superponer; por defecto, los configurados.
help-glossary-show-config = Archivo de configuración.
about-glossary-list = Lista los conceptos: id, tipo, término de origen, idiomas.
help-glossary-list-kind = Solo conceptos de este tipo.
help-glossary-list-glossary = { help-glossary-show-glossary }
help-glossary-list-config = { help-glossary-show-config }
about-glossary-search = Busca conceptos por un término en cualquier idioma (o por id).
help-glossary-search-query = Texto que se busca (sin distinguir mayúsculas ni tipografía).
help-glossary-search-kind = Solo conceptos de este tipo.
help-glossary-search-glossary = { help-glossary-show-glossary }
help-glossary-search-config = { help-glossary-show-config }
about-glossary-lint = Revisa glosarios en busca de errores y huecos; cada hallazgo indica archivo y línea.
help-glossary-lint-from = Idioma de origen (por defecto, el de la configuración).
help-glossary-lint-to = Idiomas de destino que necesitan términos preferidos (por defecto, los de la configuración).
help-glossary-lint-glossary = { help-glossary-show-glossary }
help-glossary-lint-config = { help-glossary-show-config }
about-glossary-merge = Fusiona glosarios en un archivo TOML; los posteriores ganan por concepto.
help-glossary-merge-files = Archivos de glosario, en orden de superposición.
help-glossary-merge-out = El archivo TOML fusionado que se escribe.
about-glossary-import = Importa un archivo TBX, CSV o TSV a un glosario TOML.
help-glossary-import-file = El archivo que se importa.
help-glossary-import-into = El glosario TOML al que se añaden los conceptos (se crea si no existe).
help-glossary-import-from = Idioma de origen de un archivo de dos columnas sin cabecera.
help-glossary-import-to = Idioma de destino de un archivo de dos columnas sin cabecera.
help-glossary-import-kind = Tipo de los conceptos importados si el archivo no lo da (por defecto term).
about-glossary-export = Exporta glosarios como TBX v3, TBX v2, CSV, TSV o TOML.
help-glossary-export-format = tbx (v3, TBX-Basic), tbx2 (martif), csv, tsv o toml.
help-glossary-export-out = El archivo que se escribe.
help-glossary-export-from = El idioma de origen que se anota en TBX (por defecto, el de la configuración).
help-glossary-export-glossary = { help-glossary-show-glossary }
help-glossary-export-config = { help-glossary-show-config }
about-glossary-suggest = Sugiere entradas de glosario a partir de artículos: nombres, siglas y cantidades con unidades que faltan.
help-glossary-suggest-paths = Artículos: archivos o directorios.
help-glossary-suggest-tsv = Imprime TSV para completar e importar (una columna por idioma, luego tipo y nota).
help-glossary-suggest-from = Idioma de los artículos (por defecto, el de la configuración).
help-glossary-suggest-to = Columnas de idioma de destino del TSV (por defecto, las de la configuración).
help-glossary-suggest-min_count = Solo candidatos vistos al menos N veces.
help-glossary-suggest-glossary = Glosario cuyos conceptos no se vuelven a sugerir; repetible.
help-glossary-suggest-config = { help-glossary-show-config }
about-glossary-coverage = Qué conceptos usa un lote, cuáles no usa nunca y qué nombres no tienen entrada.
help-glossary-coverage-paths = Artículos: archivos o directorios.
help-glossary-coverage-from = Idioma de los artículos (por defecto, el de la configuración).
help-glossary-coverage-glossary = { help-glossary-show-glossary }
help-glossary-coverage-config = { help-glossary-show-config }

glossary-bad-kind = tipo desconocido «{ $kind }»; use uno de { $kinds }
glossary-none-given = no hay glosario: indique --glossary FILE o defina glossary.files en la configuración
glossary-bad-term = «{ $spec }» no es IDIOMA=TEXTO (por ejemplo es="Radio Free Asia")
glossary-added = añadido { $id } a { $file }
glossary-replaced = sustituido { $id } en { $file }
glossary-not-found = no hay ningún concepto con id { $id }
glossary-removed = { $count ->
        [one] quitado { $count } concepto
       *[other] quitados { $count } conceptos
    } de { $file }
glossary-listed = { $count } de { $total } conceptos
glossary-merged = escritos { $count } conceptos en { $file } ({ $overrides } sustituidos)
glossary-imported = { $count ->
        [one] importado { $count } concepto
       *[other] importados { $count } conceptos
    } en { $file } ({ $replaced } sustituidos)
glossary-exported = exportados { $count } conceptos a { $file } como { $format }
glossary-suggested = { $count ->
        [one] { $count } candidato
       *[other] { $count } candidatos
    } de { $files ->
        [one] { $files } archivo
       *[other] { $files } archivos
    }
coverage-found = Conceptos encontrados ({ $count } de { $total }):
coverage-files = { $files ->
        [one] en { $files } archivo
       *[other] en { $files } archivos
    }
coverage-unused = Conceptos no encontrados ({ $count }):
coverage-missing = Nombres sin entrada ({ $count }):

## Comprobaciones

check-date-form = { $written } no es como { $locale } escribe esta fecha; escriba { $expected }
check-date-changed = la fecha { $source } pasó a ser { $written }; se esperaba { $expected }
check-date-missing = falta la fecha { $source }; se esperaba { $expected }
check-calendar-changed = { $source } se convirtió en { $written }
check-calendar-missing = { $source } no está en la traducción
check-unit-convert = { $written } debe convertirse a { $unit } para { $locale }
check-unit-wrong = { $source } pasó a ser { $written }: otra unidad
check-unit-lost = { $source }: la unidad se perdió o la cantidad está rota en { $written }
check-number-style = { $written } no es la forma de { $locale }; escriba { $expected }
check-number-reads-otherwise = { $written } se lee como { $reads } en { $locale }; escriba { $expected }
check-number-changed = { $source } pasó a ser { $written }
check-number-missing = falta { $source } en la traducción
check-time-missing = la hora { $source } no está en la traducción
check-number-added = { $written } no está en el original
check-term-forbidden = { $written } está prohibido para { $concept }; escriba { $expected }
check-name-altered = el nombre { $source } se tradujo o alteró; escriba { $expected }
check-term-missing = { $source } debe traducirse como { $expected }
check-name-similar = el nombre { $source } se convirtió en { $target }, otro nombre; si { $target } es como lo escribe este idioma, añádalo al glosario
check-name-missing = el nombre { $source } no aparece en la traducción de ninguna forma reconocible
check-name-rendered = { $name } se escribe { $here } aquí y { $there } en { $other }
check-untranslated = el bloque no está traducido
check-unknown-word = el motor no conocía «{ $word }» y lo dejó sin traducir
check-structure-kind = un { $source } pasó a ser un { $target }
check-structure-lost = { $span } no se conservó sin cambios
check-structure-markup = el original tiene aquí { $source } tramos { $tag }, la traducción { $target }: el formato se perdió o se escribió de modo que ya no se lee como formato
check-structure-missing-block = el bloque de la línea { $line } del original no tiene traducción
check-structure-extra-block = el bloque de la línea { $line } no tiene original
check-inconsistent-target = el mismo original se traduce de otra forma en { $other }
check-inconsistent-source = la misma traducción se usa para otro original en { $other }
check-inconsistent-concept = { $concept } se escribe { $here } aquí y { $there } en { $other }
diagnostic-source = original: { $text }
diagnostic-fix = corrección: { $text }
summary-findings = { $locale }: { $file }: { $rules }
summary-findings-total = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } aviso
       *[other] { $warnings } avisos
    } encontrados por las comprobaciones.
help-translate-no_check = No comprobar lo que se escribe.
help-translate-no_localize = Escribir el texto del motor tal cual: sin cifras, importes, fechas ni horas en las formas del idioma de destino, sin correcciones.
help-translate-fail_on = Salir con error cuando las comprobaciones encuentren un error, un aviso, o nunca (por defecto, lo de la configuración: never).
check-number-foreign = { $written } no es un número de { $locale }; escriba { $expected }
about-check = Revisa traducciones existentes frente a sus originales: términos, nombres, números, unidades, fechas, coherencia.
help-check-source = El archivo o directorio original.
help-check-target = El archivo traducido, o un directorio que refleja el árbol original.
help-check-from = Idioma de origen (por defecto, el de la configuración).
help-check-to = Idioma de destino (por defecto, el primero configurado).
help-check-glossary = Archivo de glosario (TOML, TBX, CSV, TSV); repítalo para superponerlos.
help-check-report = Escribe los hallazgos como informe JSON en FILE.
help-check-fix = Escribe los archivos traducidos como lo haría translate: cifras, importes, fechas y horas en las formas del idioma de destino, y las correcciones seguras (términos prohibidos, formas de números y fechas).
help-check-fail_on = Salir con error ante un error, un aviso, o nunca (por defecto: error).
help-check-config = Archivo de configuración.
check-fixed = { $count ->
        [one] aplicada { $count } corrección
       *[other] aplicadas { $count } correcciones
    } en { $file }
check-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } aviso
       *[other] { $warnings } avisos
    } en { $files ->
        [one] { $files } archivo
       *[other] { $files } archivos
    }; { $fixed } corregidos.

## Checks: punctuation and typography

check-inverted-marks = { $written } no tiene { $missing } con el que emparejarse
check-quote-spacing = un espacio dentro de las comillas { $mark }
check-doubled-word = «{ $word }» dos veces seguidas
check-doubled-space = { $count } espacios seguidos
check-initial-case = el original empieza esta oración con mayúscula; escriba { $letter }
check-end-punctuation = el original termina con { $source } y la traducción termina en una palabra: cortada, o sin su signo final
check-unbalanced = { $mark } no está emparejado: los paréntesis y las comillas deben abrirse y cerrarse como en el original
check-sentence-count = el original tiene { $source } oraciones, la traducción { $target }
check-french-spacing = el francés pone un espacio de no separación antes o dentro de { $mark }
check-french-no-break-space = el espacio junto a { $mark } puede partir la línea; escriba uno de no separación
check-house-quotes = { $mark } no es una comilla de esta variante; escriba { $expected }
check-profile = perfil: { $name }
check-profile-default = perfil: predeterminado

## Reglas, como las lista `verso check --rules`

rule-term-missing = un concepto del glosario no tiene ninguna de sus formas admitidas
rule-term-forbidden = una forma prohibida de un concepto del glosario está en la traducción
rule-name-altered = un nombre se tradujo, se alteró o se cambió por una palabra parecida
rule-name-missing = un nombre del original no está en la traducción en ninguna forma reconocible
rule-number-mismatch = un número, un número en palabras o una hora cambia de valor
rule-number-format = un número tiene el valor correcto pero no la forma de la variante de destino
rule-unit-mismatch = la unidad de una cantidad cambia, se pierde o no se convierte como está configurado
rule-date-mismatch = una fecha, un mes o un día de la semana cambia, falta o no tiene la forma de destino
rule-untranslated = el bloque, o una palabra suya, no se tradujo
rule-inverted-marks = ¿ y ¡ emparejados con ? y !
rule-quote-spacing = ningún espacio justo dentro de las comillas
rule-doubled-word = ninguna palabra dos veces seguidas
rule-doubled-space = ningún par de espacios seguidos
rule-initial-case = una oración empieza con mayúscula donde la del original lo hace
rule-end-punctuation = el bloque termina con el signo final del original
rule-unbalanced = paréntesis y comillas emparejados donde los del original lo están
rule-sentence-count = el número de oraciones difiere en dos o más
rule-french-spacing = ; : ! ? y « » del francés llevan su espacio
rule-french-no-break-space = ese espacio del francés es de no separación (estilo de la casa)
rule-house-quotes = las comillas son las de la variante de destino (estilo de la casa)
rule-structure = marcadores, enlaces, código, listas y bloques se conservan
rule-inconsistent = un mismo original se traduce de una sola manera en todo el lote
rules-header = { $rule } — { $default } — { $description }
rules-on = activa
rules-off = desactivada por defecto
help-check-rules = Lista las reglas, si se aplican por defecto y qué comprueban; después termina.
help-check-profile = El perfil de comprobación que se usa (de [checks.profiles] en la configuración).
help-translate-profile = El perfil de comprobación que se usa (de [checks.profiles] en la configuración).

## verso memory

about-memory = Intercambia la memoria de traducción como TMX 1.4b y cuenta lo que contiene.
help-memory-memory = Memoria de traducción: un archivo SQLite o una URL postgres:// (si no, VERSO_MEMORY_URL y luego la configuración; por defecto .verso/memory.sqlite).
help-memory-config = Archivo de configuración.
about-memory-import = Importa un archivo TMX a la memoria (las traducciones humanas se guardan como revisadas salvo que el archivo diga aprobadas).
help-memory-import-file = El archivo TMX.
help-memory-import-from = Solo traducciones desde este idioma, guardadas con esta etiqueta (en incluye en-US).
help-memory-import-to = Solo traducciones a este idioma, guardadas con esta etiqueta.
help-memory-import-memory = { help-memory-memory }
help-memory-import-config = { help-memory-config }
about-memory-export = Exporta toda la memoria como TMX 1.4b.
help-memory-export-file = El archivo TMX que se escribe.
help-memory-export-memory = { help-memory-memory }
help-memory-export-config = { help-memory-config }
about-memory-stats = Cuenta las traducciones de la memoria por par de idiomas, origen y estado.
help-memory-stats-memory = { help-memory-memory }
help-memory-stats-config = { help-memory-config }
memory-exported = exportadas { $count } traducciones a { $file }
memory-imported = importadas { $count } traducciones de { $file } ({ $skipped } unidades sin original omitidas)
memory-total = { $count } traducciones en la memoria
tmx-error = { $file }:{ $line }: { $reason }

## Página de revisión y vista de terminal

review-title = { $file } — { $source } → { $target }
review-source = Original ({ $lang })
review-target = Traducción ({ $lang })
review-blocks = Bloques
review-errors = Errores
review-warnings = Avisos
review-status = { $status ->
        [machine] Automática
        [reviewed] Revisada
        [approved] Aprobada
       *[none] No está en la memoria
    }
review-by-rule = Hallazgos por regla:
review-glossary = Glosario:
review-legend-number = número
review-legend-quantity = cantidad
review-legend-date = fecha
review-legend-error = error
review-legend-warning = aviso
review-only-findings = Solo bloques con hallazgos
review-download = Descargar correcciones
review-kind = { $kind ->
        [heading] Título
        [headline] Titular
        [paragraph] Párrafo
        [list] Elemento de lista
        [bullet] Viñeta
        [quote] Cita
        [caption] Pie de foto
        [credit] Crédito
        [byline] Firma
        [dateline] Data
        [image] Texto de imagen
        [table] Celda de tabla
        [footnote] Nota al pie
        [front] Metadatos
       *[other] { $label }
    }
review-line = línea { $line }
review-approve = Aprobar
review-no-translation = Aún sin traducir
review-severity = { $severity ->
        [err] error
       *[warn] aviso
    }
review-fix = corrección: { $fix }
review-localized = verso escribió { $written } donde el motor escribió { $engine }
review-undo = Deshacer
review-edited-count = Editados:
review-approved-count = Aprobados:
review-nothing-to-export = Nada que exportar todavía: edita una traducción o marca «Aprobar» primero.
review-exported = Correcciones guardadas como
review-index-title = Revisión: artículos traducidos
review-index-file = Artículo
review-index-locale = Idioma
review-terminal-header = { $file } ({ $source } → { $target }): { $blocks } bloques, { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } aviso
       *[other] { $warnings } avisos
    }
review-written = página de revisión: { $file }
review-index-written = páginas de revisión: { $file }

## Correcciones

corrections-read = { $file }: no se puede leer el archivo de correcciones: { $reason }
corrections-format = { $file } no es un archivo de correcciones de verso (dice «{ $found }»); descarga uno desde una página de revisión.
corrections-blocks = { $file }: { $count ->
        [one] un bloque no se puede guardar
       *[other] { $count } bloques no se pueden guardar
    }, así que no se guardó nada de este archivo. Corrige el bloque en la página de revisión y vuelve a descargar:
    { $problems }
corrections-block = bloque { $block } (línea { $line }): { $reason }
corrections-key = su original no coincide con su clave; el archivo se editó a mano o es de otra versión del artículo
corrections-status = el estado «{ $status }» no es «reviewed» ni «approved»
corrections-empty = la traducción está vacía
code-missing = falta el marcador { $code } del original (pulsa su ficha en la columna del original para volver a ponerlo)
code-doubled = el marcador { $code } aparece dos veces
code-unknown = el marcador { $code } no está en el original
code-order = el marcador { $code } se cierra antes de abrirse
help-translate-no_review = No escribe páginas de revisión.
help-translate-review_dir = Dónde van las páginas de revisión (por defecto: review dentro del directorio de salida).
xliff-error = { $file }:{ $line }: { $reason }. No se guardó nada de este archivo.
xliff-unit-error = { $file }:{ $line }: unidad «{ $unit }»: { $reason }. No se guardó nada de este archivo; corrige los códigos de la unidad en tu herramienta de traducción y vuelve a exportar.
import-language = { $file }: «{ $tag }» no es una etiqueta de idioma que verso pueda usar; el archivo debe indicar sus idiomas de origen y destino.

## verso review, xliff, import

about-review = Muestra un artículo y su traducción lado a lado, con las coincidencias del glosario y los hallazgos: en la terminal o como página HTML para correcciones (--html).
help-review-source = El artículo original.
help-review-target = Su traducción (de verso, de una persona o de otra herramienta).
help-review-from = Idioma de origen (por defecto, el de la configuración).
help-review-to = Idioma de destino (por defecto, el del directorio de salida o el primero configurado).
help-review-glossary = Archivo de glosario (repetible); usa el de la traducción, para que las correcciones lleguen a la memoria con las mismas claves.
help-review-terms = Qué hizo el glosario en la traducción: enforce, check u off.
help-review-html = Escribe una página HTML de revisión autónoma en este archivo en lugar de imprimir.
help-review-only_issues = Muestra solo los bloques con hallazgos.
help-review-width = Ancho de la vista de terminal en columnas (por defecto, el de la terminal o 120).
help-review-memory = Memoria de traducción, para el estado de revisión de los bloques (no se crea si falta).
help-review-config = Archivo de configuración.
about-xliff = Intercambia artículos con herramientas de traducción como XLIFF 2.1 o 1.2.
help-xliff-memory = Memoria de traducción: un archivo SQLite o una URL postgres:// (si no, VERSO_MEMORY_URL y luego la configuración; por defecto .verso/memory.sqlite).
help-xliff-config = Archivo de configuración.
about-xliff-export = Escribe un archivo XLIFF por artículo e idioma con lo que tiene la memoria: una unidad por bloque, un segmento por oración, códigos en línea, notas del glosario y de las comprobaciones.
help-xliff-export-paths = Artículos o directorios.
help-xliff-export-to = Idiomas de destino, separados por comas (por defecto, los de la configuración).
help-xliff-export-from = Idioma de origen (por defecto, el de la configuración).
help-xliff-export-out = Directorio de salida (por defecto, xliff dentro del de translate); los archivos van a <out>/<idioma>/<ruta>.xlf.
help-xliff-export-xliff_version = Versión de XLIFF: 2.1 (por defecto) o 1.2.
help-xliff-export-glossary = Archivo de glosario (repetible), como en la traducción.
help-xliff-export-terms = Qué hace el glosario: enforce, check u off.
help-xliff-export-memory = { help-xliff-memory }
help-xliff-export-config = { help-xliff-config }
about-xliff-import = Guarda XLIFF revisado (2.x o 1.2) en la memoria: las unidades final como aprobadas, las demás como revisadas; un archivo con un código en línea roto se rechaza entero.
help-xliff-import-files = Los archivos XLIFF.
help-xliff-import-memory = { help-xliff-memory }
help-xliff-import-config = { help-xliff-config }
about-import = Guarda trabajo revisado en la memoria: archivos de correcciones de la página de revisión, XLIFF o TMX (reconocidos por su contenido). Cada archivo se guarda entero o nada.
help-import-files = Los archivos.
help-import-memory = Memoria de traducción: un archivo SQLite o una URL postgres:// (si no, VERSO_MEMORY_URL y luego la configuración; por defecto .verso/memory.sqlite).
help-import-config = Archivo de configuración.
xliff-written = escrito { $file } ({ $units } unidades, { $translated } con traducción)
xliff-note-concept = { $id } ({ $kind }): { $form }
imported = { $file }: guardadas { $approved } traducciones aprobadas y { $reviewed } revisadas ({ $source } → { $target }); { $skipped } omitidas (sin traducción o texto automático sin cambios){ $kept ->
        [0] {""}
       *[other] ; { $kept } conservan la traducción aprobada o más reciente de la memoria
    }
import-kept = { $file }: { $kept } conservan la traducción aprobada o más reciente de la memoria
import-unknown = { $file }: no es un archivo de correcciones, XLIFF ni TMX; no se importó nada.

## Lectores XML (TBX, TMX, XLIFF)

xml-not-text = no es texto UTF-8 ni UTF-16; guarda el archivo como UTF-8
xml-bad-attribute = atributo incorrecto: { $reason }
xml-not-well-formed = XML mal formado: { $reason }
xml-unexpected-end = XML mal formado: una etiqueta de cierre sin su apertura
xml-bad-char-ref = referencia de carácter incorrecta &{ $reference };
xml-undefined-entity = la entidad &{ $entity }; no está definida; verso no lee DTD ni entidades externas
xml-too-deep = elementos anidados a más de { $depth } niveles; verso lee como mucho { $depth } niveles
xml-doctype = una declaración DOCTYPE; verso rechaza DTD y entidades externas (quita la línea <!DOCTYPE …>)
xml-never-closed = XML mal formado: <{ $element }> nunca se cierra
xml-no-root = no hay elemento raíz
xml-wrong-root = el elemento raíz es <{ $found }>, no <{ $expected }>
tmx-version = la versión de TMX "{ $version }" no es una de las que verso lee (de 1.1 a 1.4b)
glossary-csv-unclosed-quote = aquí se abre un campo entre comillas que nunca se cierra; añada las comillas de cierre (")
glossary-csv-term-lines = un término ocupa { $lines } líneas: probablemente falta unas comillas en esta fila
xliff-version = la versión de XLIFF «{ $version }» no es 1.2 ni 2.x
xliff-code-missing = falta en la traducción el código en línea { $code } del original
xliff-code-doubled = el código en línea { $code } aparece dos veces en la traducción
tmx-no-body = no hay elemento <body>
engine-fatal = { $engine } no puede seguir: { $detail }. Las traducciones terminadas se conservan; corrige la causa (clave, permisos, cuota) y vuelve a ejecutar.
engine-empty = el motor devolvió una traducción vacía
engine-no-result = el motor no devolvió ningún resultado para él
engine-stopped = { $engine } ya se había detenido ({ $detail }); no se envió
engine-no-key = { $engine } necesita una clave de API: define la variable de entorno { $variable } (las claves nunca se leen de archivos).
engine-config = { $engine } no está bien configurado: { $detail }
engines-network = { $name ->
        [deepl] API de DeepL (clave en DEEPL_AUTH_KEY; [engines.deepl])
        [google] Google Cloud Translation v2 (clave en GOOGLE_API_KEY; [engines.google])
        [libretranslate] servidor LibreTranslate ([engines.libretranslate])
        [openai] chat compatible con OpenAI: OpenAI, Ollama, vLLM, llama.cpp ([engines.openai])
        [apy] servidor Apertium APy ([engines.apy])
       *[command] un programa local, JSON de entrada y de salida ([engines.command])
    }
engines-probe-ok = accesible: { $detail }
engines-probe-reachable = accesible
engines-probe-failed = NO utilizable: { $reason }
help-engines-probe = Comprueba que cada motor en red es accesible y acepta su clave (una petición barata cada uno).
help-engines-names = Solo estos motores.
run-warning = aviso: { $reason }

## Lectores de glosarios

glossary-not-table = `{ $id }` debe ser una tabla ([{ $id }]), un concepto por tabla
glossary-kind-string = kind debe ser una cadena
glossary-unknown-kind = tipo desconocido «{ $kind }»; usa uno de { $kinds }
glossary-unknown-key = clave desconocida `{ $key }` en el concepto `{ $id }`; se esperaba { $expected }
glossary-unknown-locale-key = clave desconocida `{ $key }` en [{ $id }.{ $locale }]; se esperaba preferred, admitted, forbidden
glossary-must-be-string = { $key } debe ser una cadena
glossary-must-be-bool = { $key } debe ser true o false
glossary-must-be-strings = { $key } debe ser una lista de cadenas
glossary-term-shape = un término debe ser una cadena o {"{"} term = "…" {"}"}
glossary-list-shape = admitted y forbidden deben ser listas: ["…", "…"]
glossary-term-table = una tabla de término necesita term = "…"
glossary-unknown-term-type = tipo de término desconocido «{ $term_type }»; usa fullForm, shortForm, acronym, abbreviation o variant
glossary-unknown-term-key = clave desconocida `{ $key }` en un término; se esperaba term, type, pos, note
tbx-root = el elemento raíz es <{ $found }>, no <tbx> (TBX v3) ni <martif> (TBX v2)
tbx-problem-at = ; línea { $line }: { $problem }
tbx-more-problems = ; y { $count } más
tbx-no-body = no hay elemento <text><body>
tbx-header-text = el texto dentro de <{ $element }> en la cabecera debe ir en <p>
tbx-admin-in-text = <admin> no puede ser hijo directo de <text>
tbx-admin-type = <admin> necesita un atributo type
tbx-term-first = <term> debe ir primero en <termSec>
tbx-one-term = un <termSec> lleva exactamente un <term>, este tiene { $count }
tbx-one-descrip = un <descripGrp> lleva un solo <descrip>
tbx-pos = partOfSpeech «{ $value }» no es uno de { $allowed }
tbx-status = { $kind } «{ $value }» no es uno de { $allowed }
tbx-source-admin = <admin type="source"> a nivel de concepto debe ir dentro de un <descripGrp> con su definición
tbx-term-definition = no se puede dar una definición a nivel de término
tbx-transac = el type de <transac> debe ser "transactionType", no «{ $kind }»
tbx-transac-note = el type de <transacNote> debe ser "responsibility", no «{ $kind }»
tbx-min-admin = <admin type="{ $kind }"> no forma parte de TBX-Min
tbx-min-xref = <xref> no forma parte de TBX-Min
tbx-needs-lang = <{ $element }> necesita xml:lang
tbx-bad-lang = xml:lang="{ $tag }" no es una etiqueta BCP 47
tbx-verso-kind = tipo desconocido «{ $kind }» en la nota de verso

## Motores en red

http-status = HTTP { $status }: { $body }
http-unexpected-reply = HTTP { $status }: respuesta inesperada: { $reason }
http-count = se enviaron { $sent } textos y volvieron { $back }
http-gave-up = abandonado tras { $attempts } intentos: { $detail }
http-no-text = la respuesta no trae texto para él (null o no es una cadena)
http-empty-text = la respuesta está vacía para un texto con palabras
http-tags = volvió con otras etiquetas: se enviaron { $sent }, volvieron { $back }
chat-not-json = la respuesta no es JSON: { $reason }
chat-no-translations = la respuesta no tiene un objeto translations
chat-count = se enviaron { $sent } segmentos y volvieron { $back } traducciones
command-cannot-run = no se puede ejecutar { $program }: { $reason }
command-write = al escribir a { $program }: { $reason }
command-bad-reply = { $program } no escribió una respuesta válida: { $reason }
command-exit = { $program } terminó con { $status }: { $stderr }
command-timeout = { $program } no respondió en { $seconds } s
command-probe = { $program } responde ({ $count } traducciones sin pedir ninguna)
config-apy-format = format = "{ $format }" no es txt ni html
config-deepl-formality = formality = "{ $formality }" no es uno de { $allowed }
config-openai-model = model está vacío
config-command-program = program está vacío; define [engines.command] program = "…"
libretranslate-unexpected = translatedText inesperado: { $value }
probe-pairs = { $count } pares: { $pairs }
probe-languages = { $count } idiomas
probe-usage = { $used } / { $limit } caracteres usados
probe-models = { $count } modelos, { $model } { $available ->
        [yes] disponible
       *[no] no listado
    }
chain-skipped = { $engine } dejó de usarse en esta ejecución ({ $reason }); { $next } siguió

about-serve = Sirve las páginas de revisión desde la memoria a una mesa de revisores, que guardan y aprueban directamente en ella; también añade y revoca revisores.
help-serve-paths = Los artículos originales (archivos o directorios).
help-serve-from = Idioma de origen (por defecto: el de la configuración).
help-serve-to = Idiomas de destino, separados por comas (por defecto: los configurados).
help-serve-listen = Dirección en la que escuchar (por defecto 127.0.0.1:8040, solo esta máquina).
help-serve-glossary = Archivo de glosario (repetible), el usado en las traducciones.
help-serve-terms = Qué hizo el glosario al traducir: enforce, check u off.
help-serve-add_reviewer = Añade un revisor (o le da un token nuevo) e imprime su enlace; no sirve nada.
help-serve-role = El papel del nuevo revisor: reviewer (guarda) o approver (también aprueba).
help-serve-revoke = Revoca el token de un revisor; no sirve nada.
help-serve-memory = La memoria: un archivo SQLite o una URL postgres:// (por defecto: VERSO_MEMORY_URL y luego la configuración).
help-serve-config = Archivo de configuración.
serve-reviewer-added = { $name } ({ $role }) puede revisar en: { $link }
serve-reviewer-revoked = { $name } ya no puede revisar.
serve-reviewer-unknown = no hay ningún revisor { $name } con un token que revocar.
serve-listening = Sirviendo { $articles } artículos en http://{ $address }/ (se detiene con Ctrl+C).
serve-not-loopback = aviso: { $address } es accesible desde otras máquinas y verso sirve HTTP sin cifrar: póngalo detrás de un proxy inverso con TLS (véase el README).
review-save = Guardar en la memoria
review-saved = Guardado
review-conflict = No guardado: otro revisor guardó antes este bloque. Su texto, de
review-refused = No guardado:
help-serve-max_saves_per_minute = Guardados y aprobaciones que un revisor puede hacer en un minuto (por defecto 600); los demás reciben 429.
review-approve-clean = Aprobar todos los bloques sin hallazgos
help-translate-approved_only = Publicar: escribe solo los artículos con todos los bloques aprobados y enumera los demás.
file-not-approved = no escrito: { $waiting } de { $blocks } bloques aún no están aprobados (--approved-only).
review-comment = Comentar
review-history = Historial
review-revert = Restaurar este texto
review-history-empty = Aún no hay guardados: el texto es el del motor.
review-send-machine = Devolver a la máquina
review-dismiss = Descartar
review-dismiss-reason = ¿Por qué es una falsa alarma?
review-dismissed = Descartado
review-approve-reason = Este bloque aún tiene un error. ¿Por qué aprobarlo así?
review-give-reason = Dar un motivo
review-article-status = { $status ->
        [approved] Aprobado
        [in-review] En revisión
       *[machine] Automático
    }
review-assignee = Asignado a
review-nobody = nadie
review-assign = Asignar
review-filter-status = Estado:
review-filter-rule = Regla:
review-filter-all = todos
review-filter-comments = Con comentarios
review-concepts = Glosario de este bloque
review-concepts-none = Ningún concepto del glosario en este bloque.
review-concept-forbidden = no
review-keys = Teclas: Ctrl+Intro guardar · Ctrl+Mayús+Intro guardar y aprobar · Alt+↓ / Alt+↑ hallazgo siguiente / anterior
review-index-status = Estado
review-reply = Responder
shard-malformed = --shard { $given } no es K/N con 1 ≤ K ≤ N (por ejemplo --shard 2/4), ni auto.
shard-no-scheduler = --shard auto no encontró el índice de ningún planificador: defina SLURM_ARRAY_TASK_ID y SLURM_ARRAY_TASK_COUNT (un array de Slurm) o JOB_COMPLETION_INDEX (un Indexed Job de Kubernetes), o indique --shard K/N.
shard-no-count = --shard auto en un Indexed Job de Kubernetes necesita el número de partes: indique --shards N (las completions del job) o defina VERSO_SHARDS.
help-translate-shard = Traducir solo la parte del lote de este trabajador: K/N (1 ≤ K ≤ N), o auto desde el planificador (array de Slurm, Indexed Job de Kubernetes). Los archivos se reparten por un hash estable de su ruta relativa.
help-translate-shards = Con --shard auto en Kubernetes: el número de partes (las completions del job).
merge-empty = no hay informes que unir: indique los informes de las partes (report.shard-K-of-N.json).
merge-mismatch = { $file } no es del mismo lote: { $what }.
merge-twice = { $file } ({ $locale }) está en dos de los informes: indique una vez el informe de cada parte, todas del mismo reparto.
merge-written = { $reports } informes unidos: { $files } archivos, { $issues } hallazgos → { $file }
about-report = Trabaja con los informes de las ejecuciones: une los informes de las partes de un lote.
about-report-merge = Une los informes de las partes de un lote en uno (y un índice de revisión), con las reglas de lote sobre el lote entero.
help-report-merge-reports = Los informes de las partes (report.shard-K-of-N.json).
help-report-merge-out = Dónde va el informe unido (por defecto: report.json junto al primero).
help-report-merge-config = Archivo de configuración (las severidades del perfil de comprobaciones para las reglas de lote).
about-memory-copy = Copiar una memoria en otra, un archivo SQLite y un servidor PostgreSQL en cualquier sentido (postgres://…), con motores, orígenes, estados, fechas y el trabajo de la mesa de revisión; lo que la otra ya tiene se conserva.
help-memory-copy-from = La memoria que se copia: un archivo o una URL postgres://.
help-memory-copy-to = La memoria en la que se copia (creada si hace falta): un archivo o una URL postgres://.
help-memory-copy-memory = { help-memory-memory }
help-memory-copy-config = { help-memory-config }
memory-copied = { $added } filas copiadas, { $there } ya estaban, en { $to }
