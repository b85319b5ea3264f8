package co.rtm.profiles.exam.theory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the synthetic question bank shipped as {@code question-bank.json}: plausible Spanish traffic-rule questions
 * built from templates and small fact tables. It is NOT the ANSV bank (which is not in the seed) and its facts are
 * only plausible; it exists so draws, scoring and the demo have realistic data. Regenerate with
 * {@code mvn -o -q -pl station-profiles test-compile} then
 * {@code java -cp station-profiles/target/test-classes:station-profiles/target/classes:$(cat cp.txt) co.rtm.profiles.exam.theory.SyntheticBankWriter station-profiles/src/main/resources/co/rtm/profiles/exam/question-bank.json}.
 */
public final class SyntheticBankWriter {
    private static final List<String> ALL = List.of("A1", "A2", "B1", "B2", "B3", "C1", "C2", "C3");
    private static final List<String> MOTO = List.of("A1", "A2");
    private static final List<String> CARS = List.of("B1", "B2", "B3", "C1", "C2", "C3");
    private static final List<String> HEAVY = List.of("B2", "B3", "C2", "C3");
    private static final List<String> PUBLIC = List.of("C1", "C2", "C3");

    private final List<Map<String, Object>> out = new ArrayList<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        SyntheticBankWriter w = new SyntheticBankWriter();
        w.groupI();
        w.groupII();
        w.groupIII();
        w.groupIV();
        Map<String, Object> bank = new LinkedHashMap<>();
        bank.put("id", "sintetico");
        bank.put("version", 1);
        bank.put("questions", w.out);
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(bank);
        Files.write(Path.of(args[0]), json);
        System.out.println(w.out.size() + " questions " + w.counters + " -> " + args[0]);
    }

    /** Adds a question; the correct option's position rotates so it is not always 'a'. */
    private void add(String group, String text, String correct, List<String> wrong, List<String> categories) {
        int n = counters.merge(group, 1, Integer::sum);
        List<String> texts = new ArrayList<>(wrong.stream().filter(w -> !w.equals(correct)).distinct().limit(3).toList());
        int pos = n % (texts.size() + 1);
        texts.add(pos, correct);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) options.put(String.valueOf((char) ('a' + i)), texts.get(i));
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", group + "-" + String.format(Locale.ROOT, "%03d", n));
        q.put("group", group);
        q.put("text", text);
        q.put("options", options);
        q.put("correct", String.valueOf((char) ('a' + pos)));
        q.put("categories", categories);
        out.add(q);
    }

    /** For a table of (key, answer): one question per row, distractors are the other rows' answers. */
    private void table(String group, String template, String[][] rows, List<String> categories) {
        List<String> answers = new ArrayList<>();
        for (String[] r : rows) if (!answers.contains(r[1])) answers.add(r[1]);
        for (int i = 0; i < rows.length; i++) {
            List<String> wrong = new ArrayList<>();
            for (int k = 1; k < answers.size(); k++) wrong.add(answers.get((answers.indexOf(rows[i][1]) + k) % answers.size()));
            add(group, template.replace("{}", rows[i][0]), rows[i][1], wrong, categories);
        }
    }

    private void fact(String group, String text, String correct, List<String> categories, String... wrong) {
        add(group, text, correct, List.of(wrong), categories);
    }

    private void groupI() {
        table("I", "Salvo señal que indique otra cosa, ¿cuál es la velocidad máxima permitida en {}?", new String[][]{
                {"vías urbanas", "50 km/h"}, {"zonas escolares", "30 km/h"}, {"zonas residenciales", "30 km/h"},
                {"carreteras nacionales y departamentales", "90 km/h"}, {"vías rurales municipales", "60 km/h"},
                {"autopistas con señalización especial que lo permita", "120 km/h"}}, ALL);
        table("I", "¿Cada cuánto debe renovarse la licencia de conducción {}?", new String[][]{
                {"de servicio particular de una persona de 30 años", "Cada 10 años"},
                {"de servicio particular de una persona de 45 años", "Cada 10 años"},
                {"de servicio particular de una persona de 65 años", "Cada 5 años"},
                {"de servicio particular de una persona de 78 años", "Cada 5 años"},
                {"de servicio particular de una persona de 82 años", "Cada año"},
                {"de servicio público de una persona de 40 años", "Cada 3 años"},
                {"de servicio público de una persona de 63 años", "Cada año"},
                {"de servicio público de una persona de 25 años", "Cada 3 años"}}, ALL);
        table("I", "¿Qué categoría de licencia se requiere para conducir {}?", new String[][]{
                {"una motocicleta de 110 c.c. de servicio particular", "A1"},
                {"una motocicleta de 200 c.c. de servicio particular", "A2"},
                {"un mototriciclo de 150 c.c. de servicio particular", "A2"},
                {"un automóvil de servicio particular", "B1"}, {"un campero de servicio particular", "B1"},
                {"una camioneta de servicio particular", "B1"}, {"un motocarro", "B1"},
                {"una buseta de servicio particular", "B2"}, {"un camión rígido de servicio particular", "B2"},
                {"un vehículo articulado de servicio particular", "B3"},
                {"un taxi", "C1"}, {"un microbús de servicio público", "C1"},
                {"un bus de servicio público", "C2"}, {"un camión rígido de servicio público", "C2"},
                {"un tractocamión de servicio público", "C3"}}, ALL);
        table("I", "En un control de tránsito, ¿qué documento acredita {}?", new String[][]{
                {"que el conductor está autorizado para conducir", "La licencia de conducción"},
                {"la propiedad e identificación del vehículo", "La licencia de tránsito"},
                {"el seguro obligatorio de accidentes de tránsito", "El SOAT"},
                {"que el vehículo cumple las condiciones técnico-mecánicas y de emisiones", "El certificado de revisión técnico-mecánica y de emisiones contaminantes"},
                {"la aptitud física, mental y de coordinación motriz del aspirante", "El certificado del CRC"},
                {"la formación del aspirante en conducción", "El certificado de aptitud en conducción del CEA"}}, ALL);
        table("I", "¿Cuál es la edad mínima para obtener licencia de conducción {}?", new String[][]{
                {"de servicio particular", "16 años"}, {"de servicio público", "18 años"}}, ALL);
        fact("I", "¿Quién es la autoridad de tránsito competente para imponer un comparendo en la vía?", "El agente de tránsito", ALL,
                "El conductor afectado", "El propietario del parqueadero", "El instructor del CEA");
        fact("I", "¿Ante quién se tramita la expedición de la licencia de conducción?", "El organismo de tránsito", ALL,
                "El CEA", "El CRC", "La aseguradora del SOAT");
        fact("I", "¿Qué entidad realiza los exámenes teórico y práctico para obtener la licencia de conducción?", "El CALE habilitado", ALL,
                "El CEA donde se formó el aspirante", "La policía de tránsito", "El concesionario de vehículos");
        fact("I", "¿Qué registro nacional consulta el organismo de tránsito antes de expedir una licencia?", "El RUNT", ALL,
                "El registro mercantil", "El censo nacional", "El registro de la propiedad inmueble");
        fact("I", "Si conduce con la licencia vencida, ¿qué puede ocurrir?", "Se impone comparendo y el vehículo puede ser inmovilizado", ALL,
                "Nada, si la licencia venció hace menos de un año", "Solo se recibe una advertencia verbal", "Se renueva automáticamente");
        fact("I", "¿Qué debe hacer un conductor involucrado en un accidente con heridos?", "Detenerse, auxiliar a los heridos y avisar a las autoridades", ALL,
                "Retirar el vehículo y continuar", "Esperar a que otro conductor llame", "Mover a los heridos sin evaluar su estado");
        fact("I", "¿Qué sanción recibe quien conduce bajo el efecto del alcohol?", "Multa, suspensión o cancelación de la licencia e inmovilización del vehículo", ALL,
                "Solo una amonestación", "Un curso voluntario", "Ninguna, si no causó un accidente");
        fact("I", "¿Qué significa que una licencia de conducción esté suspendida?", "Que el titular no puede conducir durante el tiempo de la suspensión", ALL,
                "Que debe renovarla de inmediato", "Que solo puede conducir de noche", "Que puede conducir solo vehículos de servicio público");
        fact("I", "¿Está permitido transportar a un acompañante en una motocicleta sin casco?", "No, el acompañante también debe usar casco", MOTO,
                "Sí, en trayectos cortos", "Sí, si es menor de edad", "Solo en zonas rurales");
        fact("I", "¿Cuántas personas puede llevar como máximo una motocicleta, además del conductor?", "Un acompañante", MOTO,
                "Dos acompañantes", "Tres acompañantes", "Ninguno");
        fact("I", "Un vehículo de servicio público de pasajeros, ¿dónde puede recoger y dejar pasajeros?", "Solo en los sitios autorizados para ello", PUBLIC,
                "En cualquier punto de la vía", "En la mitad de las intersecciones", "Sobre los pasos peatonales");
        fact("I", "Un conductor de servicio público, ¿puede negarse a prestar el servicio sin justa causa?", "No, es una infracción", PUBLIC,
                "Sí, en cualquier caso", "Sí, si el recorrido es corto", "Solo en horario nocturno");
        fact("I", "¿Qué debe portar un vehículo de carga además de los documentos del vehículo?", "El manifiesto de carga cuando la operación lo exige", HEAVY,
                "La factura del combustible", "El recibo de peaje anterior", "La cédula del propietario");
        fact("I", "¿Qué vehículos pueden circular por el carril exclusivo de transporte masivo?", "Solo los autorizados para ese carril", ALL,
                "Cualquier vehículo en hora valle", "Las motocicletas", "Los taxis con pasajero");
        fact("I", "Al recibir una orden de un agente de tránsito que contradice un semáforo, ¿qué se obedece?", "La orden del agente de tránsito", ALL,
                "El semáforo", "La señal vertical", "La demarcación del piso");
        fact("I", "¿Cuál es el orden de prelación entre las normas de tránsito?", "Agente de tránsito, semáforos, señales verticales, demarcaciones", ALL,
                "Demarcaciones, semáforos, agente, señales", "Señales verticales, agente, demarcaciones, semáforos", "Semáforos, demarcaciones, agente, señales");
        fact("I", "¿Es obligatorio el SOAT para circular?", "Sí, todo vehículo automotor debe tenerlo vigente", ALL,
                "Solo para vehículos de servicio público", "Solo en carreteras nacionales", "No, es voluntario");
        fact("I", "¿Qué tipo de comparendo se impone por no respetar la luz roja del semáforo?", "Infracción de tránsito con multa", ALL,
                "Ninguno si no hay agentes", "Solo advertencia escrita", "Una sanción penal automática");
        fact("I", "¿Puede un conductor de 16 años conducir vehículos de servicio público?", "No, se requieren 18 años", ALL,
                "Sí, con permiso de sus padres", "Sí, en zonas rurales", "Solo taxis");
        fact("I", "¿Qué procedimiento sigue quien desea conducir una categoría superior a la que tiene?", "Recategorización, con los exámenes de la nueva categoría", ALL,
                "Refrendación de la licencia actual", "Solo pagar un nuevo derecho", "Ninguno, la licencia cubre todas las categorías");
    }

    private void groupII() {
        String[] speeds = {"30", "40", "50", "60", "70", "80", "90", "100"};
        for (String v : speeds) {
            int s = Integer.parseInt(v);
            long m1 = Math.round(s / 3.6);
            add("II", "A " + v + " km/h, ¿cuántos metros recorre aproximadamente un vehículo en un segundo de reacción?", m1 + " m",
                    List.of((m1 * 2) + " m", (m1 / 2) + " m", (m1 * 3) + " m"), ALL);
            long m3 = Math.round(s / 3.6 * 3);
            add("II", "Con pavimento seco y a " + v + " km/h, ¿qué distancia de seguimiento corresponde a la regla de los tres segundos?", m3 + " m",
                    List.of(m1 + " m", (m3 * 2) + " m", Math.round(s / 3.6 * 1.5) + " m"), ALL);
        }
        table("II", "¿Cuál es la conducta más segura {}?", new String[][]{
                {"al ver un peatón en un paso peatonal sin semáforo", "Detenerse y cederle el paso"},
                {"al adelantar a un ciclista", "Dejar al menos 1,5 m de distancia lateral"},
                {"al sentir somnolencia mientras conduce", "Detenerse en un lugar seguro y descansar"},
                {"al conducir bajo lluvia intensa", "Reducir la velocidad y aumentar la distancia de seguimiento"},
                {"al aproximarse un vehículo de emergencia con sirena", "Orillarse a la derecha y cederle el paso"},
                {"al encontrar un bus escolar detenido recogiendo niños", "Detenerse y esperar a que termine"},
                {"al conducir de noche frente a un vehículo que viene en sentido contrario", "Cambiar a luces bajas"},
                {"al recibir una llamada mientras conduce", "No contestar, o detenerse en un lugar seguro para hacerlo"},
                {"al entrar a una glorieta", "Ceder el paso a los vehículos que ya circulan en ella"},
                {"al encontrar neblina densa en carretera", "Encender luces bajas y exploradoras y reducir la velocidad"},
                {"ante un semáforo en amarillo a corta distancia de la línea de pare", "Detenerse si puede hacerlo con seguridad"},
                {"al ver un animal en la vía", "Reducir la velocidad y prepararse para detenerse"}}, ALL);
        table("II", "¿Quién es el actor vial más vulnerable {}?", new String[][]{
                {"en una intersección urbana", "El peatón"}, {"en una ciclorruta que cruza la calzada", "El ciclista"},
                {"frente a un vehículo de carga que gira", "El motociclista"}}, ALL);
        fact("II", "¿Quiénes deben usar el cinturón de seguridad en un automóvil?", "El conductor y todos los pasajeros", CARS,
                "Solo el conductor", "Solo los pasajeros de adelante", "Solo en carretera");
        fact("II", "¿Dónde deben viajar los niños menores de 10 años en un automóvil?", "En la silla trasera, con sistema de retención adecuado", CARS,
                "En la silla delantera", "En brazos de un adulto", "En cualquier asiento sin cinturón");
        fact("II", "¿Cada cuánto se recomienda hacer una pausa en viajes largos?", "Cada dos horas de conducción", ALL,
                "Cada ocho horas", "Solo al llegar al destino", "Cada 500 km");
        fact("II", "¿Qué efecto tiene el alcohol sobre la conducción?", "Aumenta el tiempo de reacción y reduce la percepción del riesgo", ALL,
                "Mejora los reflejos", "No tiene efecto en pequeñas cantidades", "Solo afecta de noche");
        fact("II", "¿Qué es la conducción preventiva?", "Anticiparse a los errores propios y de los demás para evitar siniestros", ALL,
                "Conducir siempre por el carril izquierdo", "Conducir a la velocidad mínima", "Usar el pito con frecuencia");
        fact("II", "¿Cuál es la principal causa de siniestros viales atribuida al conductor?", "El exceso de velocidad y la distracción", ALL,
                "El mal estado de la señalización", "El clima", "La hora del día");
        fact("II", "¿Qué es el punto ciego de un vehículo?", "La zona que el conductor no ve en los espejos", ALL,
                "Un defecto del parabrisas", "El lugar donde se ubica la rueda de repuesto", "Una zona sin alumbrado público");
        fact("II", "¿Qué elementos de protección debe usar el motociclista?", "Casco abrochado y prenda reflectiva", MOTO,
                "Solo gafas oscuras", "Ninguno en zona urbana", "Solo guantes");
        fact("II", "¿Por qué es peligroso circular entre dos filas de vehículos en motocicleta?", "Porque los conductores no lo esperan y pueden cambiar de carril", MOTO,
                "Porque gasta más combustible", "Porque daña la motocicleta", "No es peligroso");
        fact("II", "Al conducir un vehículo pesado en descenso prolongado, ¿qué es lo más seguro?", "Usar una marcha baja y el freno de motor", HEAVY,
                "Bajar en neutro", "Usar solo el freno de servicio", "Apagar el motor");
        fact("II", "¿Por qué un vehículo pesado necesita más distancia para detenerse?", "Por su mayor masa e inercia", HEAVY,
                "Porque sus frenos son peores", "Porque sus llantas son más anchas", "No necesita más distancia");
        fact("II", "¿Qué debe verificar el conductor de un vehículo de pasajeros antes de iniciar la marcha?", "Que las puertas estén cerradas y los pasajeros ubicados", PUBLIC,
                "Que el radio esté encendido", "Que todos los pasajeros hayan pagado", "Nada, es responsabilidad de los pasajeros");
        fact("II", "¿Qué hacer si el vehículo comienza a deslizarse sobre agua (hidroplaneo)?", "Soltar suavemente el acelerador y sostener el volante sin frenar bruscamente", CARS,
                "Frenar a fondo", "Girar bruscamente el volante", "Acelerar para salir del agua");
        fact("II", "¿Cómo afecta la fatiga a la conducción?", "Disminuye la atención y aumenta el tiempo de reacción", ALL,
                "No la afecta si se toma café", "Mejora la concentración", "Solo afecta a conductores mayores");
        fact("II", "¿Qué comportamiento se espera con los peatones en una zona escolar?", "Extremar la precaución y reducir la velocidad", ALL,
                "Usar el pito para que se aparten", "Mantener la velocidad", "Adelantar a otros vehículos");
        fact("II", "¿Qué debe hacer antes de cambiar de carril?", "Mirar los espejos, revisar el punto ciego y señalizar", ALL,
                "Solo encender las direccionales", "Acelerar y cambiar rápidamente", "Tocar el pito");
        fact("II", "¿Qué significa mantener el espacio de seguridad alrededor del vehículo?", "Tener distancia adelante, atrás y a los lados para reaccionar", ALL,
                "Estacionar lejos de otros vehículos", "Conducir por el centro de la vía", "Llevar el tanque lleno");
        fact("II", "¿Qué sustancia, además del alcohol, afecta la capacidad de conducir?", "Los medicamentos que producen somnolencia", ALL,
                "El agua", "Las vitaminas", "El jugo de frutas");
        fact("II", "¿Cuál es la actitud correcta ante un conductor agresivo?", "No responder a la provocación y darle espacio", ALL,
                "Perseguirlo", "Bloquearle el paso", "Responder con el pito");
    }

    private void groupIII() {
        String[][] signs = {
                {"una señal octagonal roja con la palabra PARE", "Detenerse por completo antes de la línea"},
                {"un triángulo con el vértice hacia abajo, borde rojo", "Ceder el paso"},
                {"un círculo de borde rojo con una flecha curva tachada hacia la izquierda", "Prohibido girar a la izquierda"},
                {"un círculo de borde rojo con una U tachada", "Prohibido girar en U"},
                {"un círculo de borde rojo con una letra E tachada", "Prohibido estacionar"},
                {"un círculo de borde rojo con dos vehículos, uno rojo", "Prohibido adelantar"},
                {"un círculo de borde rojo con el número 60", "Velocidad máxima 60 km/h"},
                {"un círculo de borde rojo con una bicicleta tachada", "Prohibido el tránsito de bicicletas"},
                {"un círculo de borde rojo con un camión tachado", "Prohibido el tránsito de vehículos de carga"},
                {"un círculo de borde rojo con una corneta tachada", "Prohibido pitar"},
                {"un rombo amarillo con una curva hacia la derecha", "Curva peligrosa a la derecha"},
                {"un rombo amarillo con la silueta de niños", "Zona escolar"},
                {"un rombo amarillo con la silueta de un peatón", "Proximidad de paso peatonal"},
                {"un rombo amarillo con un semáforo", "Proximidad de semáforo"},
                {"un rombo amarillo con una pendiente", "Descenso peligroso"},
                {"un rombo amarillo con dos flechas opuestas", "Tránsito en doble sentido"},
                {"un rombo amarillo con la vía que se estrecha", "Angostamiento de la vía"},
                {"un rombo amarillo con la silueta de una vaca", "Cruce de ganado"},
                {"un rombo amarillo con rieles", "Cruce a nivel con vía férrea"},
                {"un rombo amarillo con un vehículo que derrapa", "Superficie deslizante"},
                {"un rectángulo azul con una letra H", "Hospital cercano"},
                {"un rectángulo azul con una letra P", "Zona de estacionamiento permitido"},
                {"un rectángulo azul con un surtidor", "Estación de servicio"},
                {"un rombo naranja con un trabajador", "Trabajos en la vía"},
                {"un rectángulo naranja con la palabra DESVÍO", "Desvío por obras"}};
        table("III", "¿Qué indica {}?", signs, ALL);
        List<String> descriptions = new ArrayList<>();
        for (String[] s : signs) descriptions.add(s[0].substring(0, 1).toUpperCase(Locale.ROOT) + s[0].substring(1));
        for (int i = 0; i < signs.length; i++) {
            List<String> wrong = List.of(descriptions.get((i + 3) % signs.length), descriptions.get((i + 7) % signs.length),
                    descriptions.get((i + 11) % signs.length));
            add("III", "¿Qué señal indica: \"" + signs[i][1] + "\"?", descriptions.get(i), wrong, ALL);
        }
        table("III", "¿Qué significa {} en la calzada?", new String[][]{
                {"una doble línea amarilla continua", "Prohibido adelantar en ambos sentidos"},
                {"una línea amarilla discontinua", "Se permite adelantar con precaución"},
                {"una línea blanca discontinua", "Separa carriles del mismo sentido; se puede cambiar de carril"},
                {"una línea blanca continua entre carriles del mismo sentido", "No se debe cambiar de carril"},
                {"una franja de líneas blancas paralelas (cebra)", "Paso peatonal"},
                {"una línea blanca transversal antes de la intersección", "Línea de pare"},
                {"una flecha blanca pintada en el carril", "El sentido o giro permitido desde ese carril"},
                {"un rombo pintado en el carril", "Carril preferencial o exclusivo"}}, ALL);
        table("III", "¿Qué indica un semáforo con {}?", new String[][]{
                {"luz roja fija", "Detenerse antes de la línea de pare"},
                {"luz amarilla intermitente", "Continuar con precaución"},
                {"luz roja intermitente", "Detenerse y continuar cuando sea seguro, como ante un PARE"},
                {"flecha verde", "Se permite el giro en la dirección de la flecha"},
                {"luz verde fija", "Se puede avanzar si la intersección está libre"}}, ALL);
        fact("III", "¿Qué forma tienen las señales preventivas?", "Rombo (cuadrado apoyado en un vértice) de fondo amarillo", ALL,
                "Círculo de borde rojo", "Rectángulo azul", "Octágono rojo");
        fact("III", "¿Qué forma tienen en general las señales reglamentarias?", "Círculo de borde rojo", ALL,
                "Rombo amarillo", "Rectángulo verde", "Triángulo azul");
        fact("III", "¿De qué color son las señales informativas de servicios?", "Azul", ALL, "Amarillo", "Rojo", "Naranja");
        fact("III", "¿De qué color son las señales de obras en la vía?", "Naranja", ALL, "Azul", "Verde", "Blanco");
        fact("III", "¿Para qué sirve la berma de una carretera?", "Para detenerse en emergencias y proteger la calzada", ALL,
                "Para adelantar", "Para estacionar por largos periodos", "Para circular en motocicleta");
        fact("III", "¿Por qué carril debe circular un vehículo pesado en una vía de varios carriles?", "Por el carril derecho, salvo para adelantar", HEAVY,
                "Por el carril izquierdo", "Por el centro", "Por la berma");
        fact("III", "En una vía de dos carriles del mismo sentido, ¿por cuál debe circular normalmente una motocicleta?", "Por el carril que le corresponda, sin circular entre vehículos", MOTO,
                "Por la línea que divide los carriles", "Por la berma", "Por el andén");
        fact("III", "¿Qué son los reductores de velocidad?", "Elementos en la vía que obligan a disminuir la velocidad", ALL,
                "Señales de tránsito verticales", "Controles electrónicos de velocidad", "Carriles exclusivos");
        fact("III", "¿Qué indican las tachas reflectivas en la vía?", "La delimitación de carriles y bordes, visible de noche", ALL,
                "Zonas de parqueo", "Puntos de control policial", "Paraderos de bus");
        fact("III", "¿Para qué sirve una bahía de estacionamiento de buses?", "Para que el bus recoja y deje pasajeros fuera del carril de circulación", PUBLIC,
                "Para que los taxis esperen clientes", "Para que los buses se estacionen toda la noche", "Para adelantar");
        fact("III", "¿Qué indica una señal de altura máxima permitida?", "Que los vehículos más altos que el valor indicado no pueden pasar", HEAVY,
                "La altitud sobre el nivel del mar", "La altura de los peatones", "La velocidad mínima");
        fact("III", "¿Qué indica una señal de peso máximo permitido?", "Que los vehículos con mayor peso no pueden circular por ese tramo", HEAVY,
                "El peso de la carga del vehículo adelante", "El peso recomendado de los pasajeros", "La capacidad del puente peatonal");
    }

    private void groupIV() {
        table("IV", "En el tablero, ¿qué indica el testigo {} encendido con el motor en marcha?", new String[][]{
                {"de la aceitera", "Baja presión de aceite del motor"}, {"de la batería", "Falla en el sistema de carga"},
                {"del termómetro", "Temperatura del motor demasiado alta"}, {"ABS", "Falla en el sistema de frenos antibloqueo"},
                {"del freno de mano", "Freno de estacionamiento aplicado o bajo nivel de líquido de frenos"},
                {"del cinturón", "Un ocupante no tiene abrochado el cinturón"}, {"del surtidor", "Nivel bajo de combustible"},
                {"del motor (check engine)", "Falla en el sistema de control del motor"}}, CARS);
        String[][] factor = {{"2", "4"}, {"3", "9"}, {"4", "16"}};
        for (String[] f : factor) {
            add("IV", "Si la velocidad se multiplica por " + f[0] + ", ¿por cuánto se multiplica aproximadamente la distancia de frenado?", f[1],
                    List.of(f[0], String.valueOf(Integer.parseInt(f[1]) * 2), String.valueOf(Integer.parseInt(f[0]) + 1)), ALL);
        }
        table("IV", "¿Cuál es la función {}?", new String[][]{
                {"del sistema ABS", "Evitar que las ruedas se bloqueen al frenar"},
                {"del cinturón de seguridad", "Retener al ocupante en caso de impacto"},
                {"de la bolsa de aire", "Amortiguar el golpe del ocupante, junto con el cinturón"},
                {"del apoyacabezas", "Proteger el cuello en un impacto trasero"},
                {"de los amortiguadores", "Mantener las llantas en contacto con la vía"},
                {"del líquido refrigerante", "Mantener la temperatura del motor"},
                {"del sistema de dirección", "Orientar las ruedas delanteras según el volante"},
                {"del embrague", "Conectar y desconectar el motor de la transmisión"},
                {"del control de estabilidad", "Corregir derrapes frenando ruedas individuales"},
                {"de las luces de estacionamiento", "Advertir que el vehículo está detenido"}}, CARS);
        table("IV", "¿Cuál es la profundidad mínima del labrado de las llantas {}?", new String[][]{
                {"de una motocicleta", "1 mm"}, {"de un automóvil", "1,6 mm"}, {"de un vehículo pesado", "2 mm"}}, ALL);
        table("IV", "¿Qué fuerza física explica {}?", new String[][]{
                {"que los ocupantes se vayan hacia adelante al frenar bruscamente", "La inercia"},
                {"que el vehículo tienda a salirse de una curva tomada a alta velocidad", "La fuerza centrífuga"},
                {"que el vehículo se detenga al frenar", "La fricción entre llantas y vía"},
                {"que un vehículo acelere solo en una pendiente descendente", "La gravedad"}}, ALL);
        fact("IV", "¿Cuándo debe revisarse la presión de las llantas?", "Con las llantas frías, periódicamente", ALL,
                "Después de un viaje largo, en caliente", "Solo cuando se pinchan", "Nunca, la revisa el CDA");
        fact("IV", "¿Qué indica una llanta con desgaste en el centro de la banda?", "Exceso de presión de inflado", ALL,
                "Baja presión de inflado", "Buena alineación", "Llanta nueva");
        fact("IV", "¿Qué indica una llanta con desgaste en ambos bordes?", "Baja presión de inflado", ALL,
                "Exceso de presión", "Exceso de velocidad", "Llanta reencauchada");
        fact("IV", "¿Qué casco debe usar el motociclista?", "Un casco certificado, abrochado y de su talla", MOTO,
                "Cualquier casco de bicicleta", "Una gorra", "Un casco sin correa");
        fact("IV", "¿Qué debe revisarse periódicamente en la transmisión de una motocicleta?", "La tensión y lubricación de la cadena", MOTO,
                "El nivel de líquido de frenos del automóvil", "El aire acondicionado", "Los cinturones");
        fact("IV", "¿Qué elemento de la motocicleta permite frenar con mayor eficacia?", "El uso combinado de los frenos delantero y trasero", MOTO,
                "Solo el freno trasero", "Solo el freno de motor", "Apagar el motor");
        fact("IV", "¿Qué es el freno de motor en un vehículo pesado?", "Un sistema que usa el motor para reducir la velocidad sin desgastar los frenos", HEAVY,
                "El freno de estacionamiento", "Un freno de emergencia eléctrico", "El freno de las ruedas delanteras");
        fact("IV", "¿Qué debe revisar a diario el conductor de un vehículo con frenos de aire?", "La presión del sistema de aire y el purgado de los tanques", HEAVY,
                "El nivel de aceite de la dirección del automóvil", "La presión de las llantas de repuesto únicamente", "El radio");
        fact("IV", "¿Qué es la quinta rueda en un vehículo articulado?", "El acople entre el tractocamión y el semirremolque", List.of("B3", "C3"),
                "La llanta de repuesto", "Una rueda adicional del eje trasero", "El volante");
        fact("IV", "¿Qué equipo de carretera debe portar un vehículo?", "Gato, cruceta, señales de carretera, botiquín, extintor, tacos y herramienta", CARS,
                "Solo la llanta de repuesto", "Un radio de comunicaciones", "Nada");
        fact("IV", "¿Para qué sirve el extintor del vehículo?", "Para apagar un conato de incendio", CARS,
                "Para inflar las llantas", "Para enfriar el motor", "Para limpiar el parabrisas");
        fact("IV", "¿Qué revisar antes de un viaje largo?", "Llantas, frenos, luces, niveles de líquidos y equipo de carretera", ALL,
                "Solo el combustible", "Solo el radio", "Nada si el vehículo es nuevo");
        fact("IV", "¿Para qué sirven los espejos retrovisores?", "Para ver lo que ocurre detrás y a los lados del vehículo", ALL,
                "Para mirar a los pasajeros", "Para decorar el vehículo", "Para reflejar las luces de otros vehículos");
        fact("IV", "¿Cuándo deben usarse las luces de estacionamiento (intermitentes)?", "Cuando el vehículo está detenido en la vía por emergencia", ALL,
                "Al conducir bajo lluvia", "Al estacionar en doble fila para hacer compras", "Al adelantar");
        fact("IV", "¿Qué ocurre si el líquido de frenos está bajo?", "El frenado pierde eficacia y puede fallar", ALL,
                "Nada, el freno funciona igual", "El vehículo gasta más combustible", "El motor se calienta");
    }
}
