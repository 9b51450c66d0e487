# Mensajes de verso, español. Cada id debe existir en todas las lenguas, con las mismas
# variables; `cargo test` lo comprueba.

## Línea de órdenes: descripciones y ayuda

about-verso = Traduce y localiza artículos: segmenta, traduce, revisa y escribe conservando la maquetación.
help-verso-ui_lang = Idioma de los mensajes de verso (BCP 47, p. ej. en); por defecto, LANG.
about-translate = Traduce archivos y directorios de artículos a uno o más idiomas.
help-translate-paths = Archivos (.md, .markdown, .txt) o directorios, recorridos recursivamente.
help-translate-to = Idiomas de destino, etiquetas BCP 47 separadas por comas (es,ca).
help-translate-from = Idioma de origen (BCP 47); por defecto, el de la configuración (en).
help-translate-engine = Motor de traducción: apertium, identity o pseudo.
help-translate-out = Directorio de salida; los archivos van a DIR/<idioma>/<ruta relativa>.
help-translate-config = Archivo de configuración; por defecto ./verso.toml si existe, si no los valores incorporados.
help-translate-report = Escribe un informe JSON de la ejecución en FILE.
help-translate-jobs = Segmentos en curso a la vez por motor.
help-translate-memory = Memoria de traducción (archivo SQLite); por defecto .verso/memory.sqlite.
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
summary-output = Salida: { $dir }
progress-blocks = bloques
progress-wrote = { $locale }: escrito { $output } ({ $blocks } bloques: { $hits } de la memoria, { $calls } traducidos; { $issues } incidencias)
progress-failed = error: { $source } [{ $locale }]: { $reason }
engines-apertium = sin conexión, basado en reglas; { $count } pares instalados en { $dir }: { $pairs }
engines-apertium-missing = sin conexión, basado en reglas; no instalado (apt-get install apertium apertium-eng-spa)
engines-identity = copia el original sin cambios (comprueba la ida y vuelta de la maquetación)
engines-pseudo = pseudolocalización: con acentos, un 35 % más largo, entre corchetes (prueba maquetaciones)

## Lectura de entradas

read-io = { $path }: no se puede leer el archivo ({ $reason }). Compruebe que existe y se puede leer.
read-invalid-utf8 = { $path }:{ $line }: no es UTF-8 válido (byte { $offset }). Convierta el archivo a UTF-8, p. ej. iconv -f WINDOWS-1252 -t UTF-8.
read-binary = { $path }: es un archivo binario (contiene bytes NUL), no un artículo. Quítelo del lote.
read-empty = { $path }: el archivo está vacío; no hay nada que traducir.
read-unknown-format = { $path }: verso lee archivos .md, .markdown y .txt.
input-missing = { $path }: no existe el archivo o directorio.
input-unsupported = { $path }: no es un archivo de artículo; verso lee { $extensions }.
input-collision = { $path }: omitido, sobrescribiría la salida de { $kept } (ambos son { $relative }). Tradúzcalos en ejecuciones distintas o con otro --out.
input-walk = { $path }: no se puede leer el directorio ({ $reason }).
locale-invalid = «{ $tag }» no es una etiqueta de idioma BCP 47; escriba p. ej. es, es-ES, de-CH o ca-ES-valencia.

## Configuración y memoria

config-read = { $path }: no se puede leer la configuración ({ $reason }).
config-invalid = { $path }:{ $line }: { $reason }. Las claves válidas están en config/verso.toml.
memory-error = memoria de traducción { $path }: { $reason }. Compruebe la ruta o indique --memory FILE.

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
output-write = no se puede escribir { $path }: { $reason }
structure-lost = el motor perdió { $tag } { $source }; se añadió de nuevo al final del bloque entre ⟦ ⟧.
structure-duplicated = el motor repitió { $tag } { $source }; se quitó la copia.
structure-empty = el motor no devolvió texto para este bloque.

## Glosarios

glossary-error = { $path }{ $line ->
        [0] {""}
       *[other] :{ $line }
    }: { $reason }
glossary-unknown-format = no es un archivo de glosario: verso lee .toml, .tbx, .csv y .tsv
glossary-override = glosario: el concepto { $id } de { $replaced } queda sustituido por { $by }
help-translate-glossary = Archivo de glosario (TOML, TBX, CSV, TSV); repítalo para superponerlos, ganando los posteriores por concepto.
help-translate-terms = Qué hace el glosario: enforce (los nombres se escriben en su forma de destino), check (solo se buscan y notifican), off.
