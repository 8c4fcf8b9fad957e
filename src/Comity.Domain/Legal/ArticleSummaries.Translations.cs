namespace Comity.Domain.Legal;

public static partial class ArticleSummaries
{
    /// <summary>
    /// The languages <see cref="For(int, string)"/> has a translation in: the other five official languages of the
    /// United Nations, which are also the Convention's authentic languages besides English (Art. 68). A legal officer
    /// reads the law beside a citation in the language they work in, not only in English.
    /// </summary>
    public static IReadOnlyCollection<string> TranslatedLanguages { get; } = ["fr", "es", "ru", "ar", "zh-Hans"];

    /// <summary>
    /// The English summaries translated, one line per article, keyed by language tag ("zh-Hans" is Simplified Chinese).
    /// These translate Comity's own English paraphrases, not the Convention: each line says what the English line says,
    /// no more and no less, and the official text in that language (A/RES/79/243, annex) remains the authority. The
    /// English is the one a legal officer corrects first; when an English line changes, its five translations are
    /// redone from it rather than corrected on their own, so that the six never drift apart. The wording follows the
    /// terms of the UN's official texts of this Convention and of the UN criminal-justice treaties in each language
    /// (for example "entraide judiciaire", "asistencia judicial recíproca", "взаимная правовая помощь",
    /// "المساعدة القانونية المتبادلة", "司法协助"), and article citations are written the way the product writes them in
    /// that language ("art. 42", "ст. 42", "المادة 42", "第42条"), with Western digits throughout.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<int, string>> Translations = new(StringComparer.Ordinal)
    {
        ["fr"] = new()
        {
            [1] = "Objectifs de la Convention : prévenir et combattre la cybercriminalité de manière plus efficiente et plus efficace, renforcer la coopération internationale, et promouvoir l'assistance technique et le renforcement des capacités, en particulier au profit des pays en développement.",
            [2] = "Définit aux alinéas (a)–(o) les termes employés dans la Convention, parmi lesquels système d'information et de communication, données électroniques, données relatives au trafic et données relatives au contenu, fournisseur de services, informations relatives aux abonnés, données personnelles, infraction grave et situation d'urgence.",
            [3] = "La Convention s'applique à la prévention des infractions qu'elle établit, aux enquêtes et aux poursuites les concernant, y compris au gel, à la saisie, à la confiscation et à la restitution du produit de ces infractions, ainsi qu'à la collecte, à la conservation et à la communication de preuves électroniques aux fins d'enquêtes et de procédures pénales.",
            [4] = "Les infractions établies par d'autres conventions et protocoles des Nations Unies auxquels un État est partie doivent aussi constituer des infractions pénales en vertu de son droit lorsqu'elles sont commises au moyen de systèmes d'information et de communication ; aucune nouvelle infraction n'est établie au titre de la Convention.",
            [5] = "Les obligations sont exécutées d'une manière compatible avec les principes de l'égalité souveraine, de l'intégrité territoriale et de la non-intervention ; aucun État n'exerce sur le territoire d'un autre État sa compétence ni les fonctions des autorités locales de cet autre État.",
            [6] = "La mise en œuvre doit être conforme au droit international des droits de l'homme ; aucune disposition de la Convention ne peut être interprétée comme permettant la suppression des droits de l'homme ou des libertés fondamentales.",
            [7] = "Incrimine l'accès intentionnel et sans droit à tout ou partie d'un système d'information et de communication ; un État peut exiger des éléments supplémentaires, tels que la violation de mesures de sécurité.",
            [8] = "Incrimine l'interception intentionnelle, par des moyens techniques et sans droit, de transmissions non publiques de données électroniques.",
            [9] = "Incrimine le fait, intentionnellement et sans droit, d'endommager, d'effacer, de détériorer, d'altérer ou de supprimer des données électroniques.",
            [10] = "Incrimine le fait d'entraver gravement, intentionnellement et sans droit, le fonctionnement d'un système d'information et de communication.",
            [11] = "Incrimine la mise à disposition ou la détention de dispositifs, de programmes ou d'identifiants d'accès destinés aux infractions visées aux art. 7 à 10 ; un État peut émettre une réserve, sauf pour la vente ou la distribution d'identifiants.",
            [12] = "Incrimine le fait d'introduire, d'altérer, d'effacer ou de supprimer intentionnellement des données électroniques de sorte que des données non authentiques soient considérées comme authentiques à des fins juridiques.",
            [13] = "Incrimine le fait de causer à autrui une perte de biens en manipulant des données, en portant atteinte au fonctionnement d'un système ou en trompant une personne au moyen d'un système d'information et de communication, dans l'intention d'obtenir un gain.",
            [14] = "Incrimine le fait de produire, de distribuer, de détenir ou de financer du matériel en ligne d'abus ou d'exploitation sexuels d'enfants représentant toute personne âgée de moins de 18 ans, ou d'y accéder.",
            [15] = "Incrimine le fait de communiquer avec un enfant, de le solliciter, de le manipuler psychologiquement ou de prendre des dispositions avec lui au moyen d'un système d'information et de communication, en vue de commettre une infraction sexuelle à son encontre.",
            [16] = "Incrimine le fait de rendre accessible l'image intime d'une personne au moyen d'un système d'information et de communication sans le consentement de celle-ci.",
            [17] = "Incrimine le blanchiment du produit des infractions établies par la Convention : conversion, transfert, dissimulation, acquisition ou détention de biens dont on sait qu'ils constituent un tel produit.",
            [18] = "Les personnes morales sont tenues responsables, pénalement, civilement ou administrativement, et passibles de sanctions efficaces, proportionnées et dissuasives.",
            [19] = "La participation en tant que complice, assistant ou instigateur doit être érigée en infraction pénale ; l'incrimination de la tentative et de la préparation est facultative.",
            [20] = "Délais de prescription longs, avec un délai plus long ou une suspension lorsque l'auteur de l'infraction se soustrait à la justice.",
            [21] = "Les sanctions tiennent compte de la gravité de l'infraction ; toute personne poursuivie bénéficie des garanties d'un procès équitable.",
            [22] = "Compétence à l'égard des infractions visées aux art. 7 à 17 : obligatoire sur le territoire de l'État et à bord de ses navires et aéronefs ; chefs de compétence facultatifs, tels que la nationalité ; compétence lorsqu'un ressortissant n'est pas extradé.",
            [23] = "Les pouvoirs procéduraux sont exercés aux fins d'enquêtes ou de procédures pénales spécifiques : infractions établies par la Convention, autres infractions commises au moyen d'un système d'information et de communication, et preuves électroniques de toute infraction pénale.",
            [24] = "Chaque pouvoir procédural est soumis aux conditions et garanties prévues par le droit interne, conformes au droit des droits de l'homme, y compris la proportionnalité.",
            [25] = "Les autorités peuvent ordonner la conservation rapide de données électroniques stockées spécifiées, maintenue aussi longtemps que nécessaire, dans la limite de 90 jours, afin que leur divulgation puisse être demandée.",
            [26] = "Les données relatives au trafic sont conservées, qu'un seul ou plusieurs fournisseurs aient participé, et une quantité suffisante de ces données est divulguée rapidement pour identifier les fournisseurs et la voie empruntée par la communication.",
            [27] = "Injonctions faites à une personne de remettre des données électroniques spécifiées et à un fournisseur de services de remettre des informations relatives aux abonnés.",
            [28] = "Perquisition de systèmes d'information et de communication et de supports de stockage situés sur le territoire, ou accès à ceux-ci, et saisie ou mise en sécurité de données électroniques.",
            [29] = "Collecte ou enregistrement en temps réel de données relatives au trafic, ou obligation faite à un fournisseur de services de le faire dans les limites de ses capacités techniques existantes.",
            [30] = "Interception de données relatives au contenu, pour un éventail d'infractions graves définies par le droit interne.",
            [31] = "Gel, saisie et confiscation du produit du crime et des instruments ; le secret bancaire ne constitue pas un obstacle.",
            [32] = "Les condamnations antérieures prononcées dans un autre État peuvent être prises en considération.",
            [33] = "Protection des témoins, et des victimes qui sont témoins, y compris la fourniture d'un nouveau domicile et la déposition par vidéo.",
            [34] = "Assistance et protection accordées aux victimes, avec des procédures d'indemnisation et de restitution.",
            [35] = "Coopération relative aux infractions établies par la Convention et aux preuves électroniques de toute infraction grave ; la condition de double incrimination est remplie lorsque l'acte constitue une infraction pénale dans les deux États, quelle que soit la dénomination de l'infraction.",
            [36] = "Les données personnelles ne sont transférées que conformément au droit de l'État qui les transfère, lequel peut imposer des conditions ; leur transfert ultérieur nécessite l'autorisation préalable de cet État.",
            [37] = "Extradition pour les infractions établies par la Convention ; un État qui refuse l'extradition au seul motif de la nationalité soumet l'affaire aux fins de poursuites, à la demande de l'État requérant.",
            [38] = "Les États peuvent conclure des accords sur le transfèrement des personnes condamnées.",
            [39] = "Les États envisagent de se transférer mutuellement les procédures pénales dans l'intérêt de la justice.",
            [40] = "Entraide judiciaire : autorités centrales, langues acceptées, contenu d'une demande, motifs de refus limités, tout refus étant motivé ; les questions fiscales et le secret bancaire ne constituent pas des motifs de refus.",
            [41] = "Chaque État désigne un point de contact disponible 24 heures sur 24, 7 jours sur 7, pour fournir une assistance immédiate, capable de communiquer avec les autres points de contact selon une procédure accélérée.",
            [42] = "Un État peut demander à un autre de conserver rapidement des données électroniques stockées en attendant sa demande d'entraide judiciaire ; la double incrimination n'est pas exigée ; la conservation dure au moins 60 jours.",
            [43] = "Si, en conservant des données relatives au trafic, un État découvre qu'un fournisseur situé dans un autre État a participé à la transmission, il divulgue rapidement une quantité suffisante de données relatives au trafic pour identifier ce fournisseur et la voie empruntée.",
            [44] = "Entraide judiciaire aux fins de la perquisition, de la saisie et de la divulgation de données électroniques stockées, y compris de données conservées en vertu de l'art. 42.",
            [45] = "Les États s'efforcent de s'accorder mutuellement assistance pour la collecte en temps réel de données relatives au trafic.",
            [46] = "Les États s'efforcent de s'accorder mutuellement assistance pour l'interception de données relatives au contenu, dans la mesure permise par leurs traités et leurs lois.",
            [47] = "Coopération entre les services de détection et de répression : voies de communication sûres et rapides, enquêtes sur les suspects et le produit du crime, et échange d'informations sur les méthodes.",
            [48] = "Instances d'enquête conjointes, par voie d'accord ou au cas par cas, dans le plein respect de la souveraineté de l'État sur le territoire duquel l'enquête se déroule.",
            [49] = "Donner effet aux décisions de confiscation étrangères, et geler ou saisir des biens sur décision ou demande étrangère.",
            [50] = "Sur demande, obtention ou exécution de décisions de confiscation, et identification, localisation, gel et saisie du produit du crime.",
            [51] = "Des informations sur le produit du crime peuvent être communiquées sans demande préalable.",
            [52] = "Il est disposé du produit confisqué conformément au droit interne, en envisageant à titre prioritaire de le restituer à l'État requérant au profit des victimes ou des propriétaires.",
            [53] = "Mesures de prévention associant la société civile et le secteur privé ; l'autorité chargée de la prévention est communiquée au Secrétaire général.",
            [54] = "Assistance technique et renforcement des capacités, en particulier au profit des pays en développement, y compris une formation sur les preuves électroniques.",
            [55] = "Les États envisagent d'analyser les tendances, de mettre en commun des statistiques et d'échanger des informations sur les évolutions juridiques, politiques et technologiques.",
            [56] = "Application de la Convention par le développement économique et l'assistance technique, y compris des contributions volontaires à un mécanisme de financement des Nations Unies.",
            [57] = "La Conférence des États parties est créée pour améliorer la coopération et pour promouvoir et examiner l'application de la Convention.",
            [58] = "Le Secrétaire général assure le secrétariat de la Conférence.",
            [59] = "Les États prennent les mesures nécessaires pour appliquer la Convention et peuvent adopter des mesures plus strictes.",
            [60] = "Les traités existants ou futurs entre les parties peuvent toujours être appliqués ; les autres droits et obligations découlant du droit international ne sont pas affectés.",
            [61] = "Seules les parties à la Convention peuvent devenir parties à un protocole, et un protocole ne lie que ses parties.",
            [62] = "Des protocoles additionnels peuvent être envisagés dès lors que la Convention a recueilli au moins 60 ratifications, acceptations, approbations ou adhésions.",
            [63] = "Les différends sont soumis à la négociation, puis à l'arbitrage, puis à la Cour internationale de Justice ; un État peut déclarer qu'il n'est pas lié par ce paragraphe.",
            [64] = "Ouverte à la signature à Hanoï les 25 et 26 octobre 2025 et au Siège de l'Organisation des Nations Unies à New York jusqu'au 31 décembre 2026 ; soumise à ratification, acceptation ou approbation ; ouverte à l'adhésion.",
            [65] = "Entre en vigueur le 90e jour suivant le dépôt du 40e instrument, l'instrument d'une organisation n'étant pas compté en sus ; pour une partie qui la rejoint ultérieurement, 30 jours après le dépôt de son propre instrument.",
            [66] = "Des amendements peuvent être proposés à partir de cinq ans après l'entrée en vigueur et sont adoptés par consensus ou, en dernier recours, à la majorité des deux tiers des États parties présents et votants.",
            [67] = "La dénonciation, par notification écrite adressée au Secrétaire général, prend effet un an après la date de sa réception par celui-ci.",
            [68] = "Le Secrétaire général est le dépositaire ; les langues faisant foi sont l'anglais, l'arabe, le chinois, l'espagnol, le français et le russe.",
        },
        ["es"] = new()
        {
            [1] = "Finalidades de la Convención: prevenir y combatir la ciberdelincuencia de manera más eficiente y eficaz, fortalecer la cooperación internacional y promover la asistencia técnica y la creación de capacidad, en particular en favor de los países en desarrollo.",
            [2] = "Define en los apartados (a)–(o) los términos que utiliza la Convención, entre ellos sistema de tecnologías de la información y las comunicaciones, datos electrónicos, datos relativos al tráfico y al contenido, proveedor de servicios, información sobre los abonados, datos personales, delito grave y emergencia.",
            [3] = "La Convención abarca la prevención, la investigación y el enjuiciamiento de los delitos previstos en ella, incluidos el embargo preventivo, la incautación, el decomiso y la restitución del producto, así como la obtención, la conservación y el intercambio de pruebas electrónicas para investigaciones y procesos penales.",
            [4] = "Los delitos previstos en otras convenciones y protocolos de las Naciones Unidas de los que un Estado sea parte también deben ser punibles con arreglo a su derecho cuando se cometan mediante sistemas de tecnologías de la información y las comunicaciones; no se crean nuevos delitos en virtud de la Convención.",
            [5] = "Las obligaciones se cumplen en consonancia con los principios de igualdad soberana, integridad territorial y no intervención; ningún Estado ejerce, en el territorio de otro Estado, jurisdicción ni funciones propias de las autoridades locales de ese Estado.",
            [6] = "La aplicación debe ajustarse al derecho internacional de los derechos humanos; nada de lo dispuesto en la Convención podrá interpretarse en el sentido de que permita suprimir los derechos humanos o las libertades fundamentales.",
            [7] = "Tipifica como delito el acceso intencional y sin derecho a la totalidad o a una parte de un sistema de tecnologías de la información y las comunicaciones; un Estado puede exigir elementos adicionales, como la vulneración de medidas de seguridad.",
            [8] = "Tipifica como delito la interceptación intencional, por medios técnicos y sin derecho, de transmisiones no públicas de datos electrónicos.",
            [9] = "Tipifica como delito dañar, borrar, deteriorar, alterar o suprimir datos electrónicos de forma intencional y sin derecho.",
            [10] = "Tipifica como delito obstaculizar gravemente, de forma intencional y sin derecho, el funcionamiento de un sistema de tecnologías de la información y las comunicaciones.",
            [11] = "Tipifica como delito poner a disposición o poseer dispositivos, programas o credenciales de acceso destinados a los delitos de los arts. 7 a 10; un Estado puede formular una reserva, salvo respecto de la venta o distribución de credenciales.",
            [12] = "Tipifica como delito introducir, alterar, borrar o suprimir intencionalmente datos electrónicos de modo que datos no auténticos sean tratados como auténticos a efectos legales.",
            [13] = "Tipifica como delito causar a otra persona una pérdida de bienes manipulando datos, interfiriendo en un sistema o engañando a alguien mediante un sistema de tecnologías de la información y las comunicaciones, con ánimo de lucro.",
            [14] = "Tipifica como delito producir, distribuir, poseer o financiar material en línea de abuso o explotación sexual infantil que represente a cualquier persona menor de 18 años, o acceder a él.",
            [15] = "Tipifica como delito comunicarse con un niño, solicitarlo, captarlo o concertar acuerdos con él mediante un sistema de tecnologías de la información y las comunicaciones con el fin de cometer un delito sexual contra ese niño.",
            [16] = "Tipifica como delito poner a disposición la imagen íntima de una persona mediante un sistema de tecnologías de la información y las comunicaciones sin el consentimiento de esa persona.",
            [17] = "Tipifica como delito el blanqueo del producto de los delitos previstos en la Convención: convertir, transferir, ocultar, adquirir o poseer bienes a sabiendas de que son producto de esos delitos.",
            [18] = "Las personas jurídicas incurren en responsabilidad penal, civil o administrativa, con sanciones eficaces, proporcionadas y disuasivas.",
            [19] = "Debe tipificarse como delito la participación como cómplice, colaborador o instigador; la tipificación de la tentativa y de la preparación es facultativa.",
            [20] = "Plazos de prescripción prolongados, con un plazo mayor o una suspensión cuando el delincuente eluda la acción de la justicia.",
            [21] = "Las sanciones tienen en cuenta la gravedad del delito; toda persona procesada goza de las garantías de un juicio imparcial.",
            [22] = "Jurisdicción respecto de los delitos de los arts. 7 a 17: obligatoria en el territorio del Estado y a bordo de sus buques y aeronaves; bases facultativas, como la nacionalidad; jurisdicción cuando no se extradite a un nacional.",
            [23] = "Las facultades procesales se ejercen a los fines de investigaciones o procesos penales específicos: delitos previstos en la Convención, otros delitos cometidos mediante un sistema de tecnologías de la información y las comunicaciones y pruebas electrónicas de cualquier delito.",
            [24] = "Toda facultad procesal está sujeta a las condiciones y salvaguardias del derecho interno compatibles con el derecho de los derechos humanos, incluida la proporcionalidad.",
            [25] = "Las autoridades pueden ordenar la conservación rápida de datos electrónicos almacenados específicos, durante el tiempo necesario y hasta un máximo de 90 días, a fin de que pueda solicitarse su revelación.",
            [26] = "Los datos relativos al tráfico se conservan independientemente de que hayan participado uno o varios proveedores, y se revelan con rapidez datos suficientes para identificar a los proveedores y la vía por la que se transmitió la comunicación.",
            [27] = "Órdenes a una persona para que entregue datos electrónicos específicos y a un proveedor de servicios para que entregue información sobre los abonados.",
            [28] = "Registro de sistemas de tecnologías de la información y las comunicaciones y medios de almacenamiento situados en el territorio, o acceso a ellos, e incautación o aseguramiento de datos electrónicos.",
            [29] = "Obtención o grabación en tiempo real de datos relativos al tráfico, u obligación de un proveedor de servicios de hacerlo dentro de su capacidad técnica existente.",
            [30] = "Interceptación de datos relativos al contenido, respecto de una serie de delitos graves determinados por el derecho interno.",
            [31] = "Embargo preventivo, incautación y decomiso del producto del delito y de los instrumentos; el secreto bancario no constituye un obstáculo.",
            [32] = "Pueden tenerse en cuenta las condenas anteriores dictadas en otro Estado.",
            [33] = "Protección de los testigos, y de las víctimas que sean testigos, incluidas la reubicación y la declaración por vídeo.",
            [34] = "Asistencia y protección a las víctimas, con procedimientos de indemnización y restitución.",
            [35] = "Cooperación respecto de los delitos previstos en la Convención y de las pruebas electrónicas de cualquier delito grave; el requisito de la doble incriminación se cumple cuando la conducta constituye delito en ambos Estados, con independencia de la denominación del delito.",
            [36] = "Los datos personales solo se transfieren de conformidad con el derecho del Estado que los transfiere, que puede imponer condiciones; su transferencia ulterior requiere la autorización previa de ese Estado.",
            [37] = "Extradición por los delitos previstos en la Convención; el Estado que la deniegue únicamente por motivos de nacionalidad somete el caso a efectos de enjuiciamiento a solicitud del Estado requirente.",
            [38] = "Los Estados pueden celebrar acuerdos sobre el traslado de personas condenadas.",
            [39] = "Los Estados consideran la posibilidad de remitirse actuaciones penales en interés de la justicia.",
            [40] = "Asistencia judicial recíproca: autoridades centrales, idiomas aceptados, contenido de la solicitud, motivos de denegación limitados y denegación fundamentada; las cuestiones tributarias y el secreto bancario no constituyen motivos de denegación.",
            [41] = "Cada Estado designa un punto de contacto disponible las 24 horas del día, los 7 días de la semana, para prestar asistencia inmediata, capaz de comunicarse con los demás puntos de contacto de forma expedita.",
            [42] = "Un Estado puede pedir a otro que conserve rápidamente datos electrónicos almacenados hasta que presente su solicitud de asistencia judicial recíproca; no se exige la doble incriminación; la conservación dura al menos 60 días.",
            [43] = "Si, al conservar datos relativos al tráfico, un Estado descubre que un proveedor de otro Estado participó en la transmisión, revela rápidamente datos relativos al tráfico suficientes para identificar a ese proveedor y la vía de transmisión.",
            [44] = "Asistencia judicial recíproca para el registro, la incautación y la revelación de datos electrónicos almacenados, incluidos los datos conservados con arreglo al art. 42.",
            [45] = "Los Estados procuran prestarse asistencia en la obtención en tiempo real de datos relativos al tráfico.",
            [46] = "Los Estados procuran prestarse asistencia en la interceptación de datos relativos al contenido, en la medida en que lo permitan sus tratados y leyes.",
            [47] = "Cooperación en materia de cumplimiento de la ley: canales seguros y rápidos, indagaciones sobre sospechosos y sobre el producto del delito, e intercambio de información sobre métodos.",
            [48] = "Órganos mixtos de investigación, mediante acuerdo o caso por caso, con pleno respeto de la soberanía del Estado en cuyo territorio se realice la investigación.",
            [49] = "Dar efecto a órdenes de decomiso extranjeras, y embargar preventivamente o incautar bienes en virtud de una orden o solicitud extranjera.",
            [50] = "A solicitud, obtención o ejecución de órdenes de decomiso, e identificación, localización, embargo preventivo e incautación del producto del delito.",
            [51] = "La información sobre el producto del delito puede transmitirse sin solicitud previa.",
            [52] = "Se dispone del producto decomisado con arreglo al derecho interno, considerando con carácter prioritario su devolución al Estado requirente en beneficio de las víctimas o de los propietarios.",
            [53] = "Medidas preventivas con la participación de la sociedad civil y el sector privado; la autoridad de prevención se notifica al Secretario General.",
            [54] = "Asistencia técnica y creación de capacidad, en particular en favor de los países en desarrollo, incluida la capacitación sobre pruebas electrónicas.",
            [55] = "Los Estados consideran la posibilidad de analizar las tendencias, compartir estadísticas e intercambiar información sobre la evolución jurídica, normativa y tecnológica.",
            [56] = "Aplicación de la Convención mediante el desarrollo económico y la asistencia técnica, incluidas contribuciones voluntarias a un mecanismo de financiación de las Naciones Unidas.",
            [57] = "Se establece la Conferencia de los Estados Partes para mejorar la cooperación y promover y examinar la aplicación de la Convención.",
            [58] = "El Secretario General presta los servicios de secretaría a la Conferencia.",
            [59] = "Los Estados adoptan las medidas necesarias para aplicar la Convención y pueden adoptar medidas más estrictas.",
            [60] = "Los tratados vigentes o futuros entre las partes pueden seguir aplicándose; no se ven afectados los demás derechos y obligaciones derivados del derecho internacional.",
            [61] = "Solo las partes en la Convención pueden hacerse partes en un protocolo, y un protocolo solo obliga a sus partes.",
            [62] = "Pueden considerarse protocolos complementarios una vez que la Convención cuente con al menos 60 ratificaciones, aceptaciones, aprobaciones o adhesiones.",
            [63] = "Las controversias se someten a negociación, luego a arbitraje y luego a la Corte Internacional de Justicia; un Estado puede declarar que no está vinculado por ese párrafo.",
            [64] = "Abierta a la firma en Hanói los días 25 y 26 de octubre de 2025 y en la Sede de las Naciones Unidas en Nueva York hasta el 31 de diciembre de 2026; sujeta a ratificación, aceptación o aprobación; abierta a la adhesión.",
            [65] = "Entra en vigor el 90º día siguiente al depósito del 40º instrumento, sin que el instrumento de una organización se cuente como adicional; para quien se incorpore posteriormente, 30 días después del depósito de su propio instrumento.",
            [66] = "Pueden proponerse enmiendas a partir de los cinco años siguientes a la entrada en vigor, que se aprueban por consenso o, como último recurso, por mayoría de dos tercios de los Estados Partes presentes y votantes.",
            [67] = "La denuncia, mediante notificación por escrito al Secretario General, surte efecto un año después de que este la reciba.",
            [68] = "El Secretario General es el depositario; los idiomas auténticos son el árabe, el chino, el español, el francés, el inglés y el ruso.",
        },
        ["ru"] = new()
        {
            [1] = "Цели Конвенции: более эффективно и действенно предупреждать киберпреступность и бороться с ней, укреплять международное сотрудничество и содействовать оказанию технической помощи и наращиванию потенциала, особенно в интересах развивающихся стран.",
            [2] = "Определяет в подпунктах (a)–(o) термины, используемые в Конвенции, в том числе информационно-коммуникационная система (ИКТ), электронные данные, данные о трафике и данные о содержании, поставщик услуг, информация об абонентах, персональные данные, серьезное преступление и чрезвычайная ситуация.",
            [3] = "Конвенция охватывает предупреждение и расследование предусмотренных ею преступлений и уголовное преследование за них, включая замораживание, арест, конфискацию и возвращение доходов, а также сбор и сохранение электронных доказательств и обмен ими для целей уголовных расследований и производств.",
            [4] = "Преступления, предусмотренные другими конвенциями и протоколами Организации Объединенных Наций, участником которых является государство, должны также признаваться уголовно наказуемыми по его законодательству, если они совершены с использованием информационно-коммуникационных систем; новых преступлений по Конвенции при этом не создается.",
            [5] = "Обязательства выполняются в соответствии с принципами суверенного равенства, территориальной целостности и невмешательства; ни одно государство не осуществляет на территории другого государства юрисдикцию или функции его местных органов власти.",
            [6] = "Осуществление должно соответствовать международному праву прав человека; ничто в Конвенции не может толковаться как допускающее подавление прав человека или основных свобод.",
            [7] = "Устанавливает уголовную ответственность за умышленный неправомерный доступ ко всей информационно-коммуникационной системе или к ее части; государство может требовать наличия дополнительных признаков, например нарушения мер безопасности.",
            [8] = "Устанавливает уголовную ответственность за умышленный неправомерный перехват с помощью технических средств непубличных передач электронных данных.",
            [9] = "Устанавливает уголовную ответственность за умышленные неправомерные повреждение, удаление, ухудшение, изменение или блокирование электронных данных.",
            [10] = "Устанавливает уголовную ответственность за умышленное неправомерное создание серьезных помех функционированию информационно-коммуникационной системы.",
            [11] = "Устанавливает уголовную ответственность за предоставление в распоряжение или хранение устройств, программ или учетных данных для доступа, предназначенных для совершения преступлений, предусмотренных ст. 7–10; государство может сделать оговорку, кроме как в отношении продажи или распространения учетных данных.",
            [12] = "Устанавливает уголовную ответственность за умышленные ввод, изменение, удаление или блокирование электронных данных, с тем чтобы неподлинные данные рассматривались как подлинные в юридических целях.",
            [13] = "Устанавливает уголовную ответственность за причинение другому лицу имущественного ущерба путем манипулирования данными, вмешательства в функционирование системы или обмана кого-либо с помощью информационно-коммуникационной системы с целью извлечения выгоды.",
            [14] = "Устанавливает уголовную ответственность за производство, распространение, хранение или финансирование размещенных в сети материалов, содержащих сцены сексуального надругательства над детьми или их сексуальной эксплуатации и изображающих любое лицо в возрасте до 18 лет, а также за получение доступа к таким материалам.",
            [15] = "Устанавливает уголовную ответственность за общение с ребенком, склонение или обольщение ребенка либо достижение с ним договоренности с помощью информационно-коммуникационной системы в целях совершения в отношении него преступления сексуального характера.",
            [16] = "Устанавливает уголовную ответственность за предоставление доступа к интимному изображению лица с помощью информационно-коммуникационной системы без согласия этого лица.",
            [17] = "Устанавливает уголовную ответственность за отмывание доходов от преступлений, предусмотренных Конвенцией: конверсию, перевод, сокрытие или приобретение имущества либо владение им, если известно, что оно представляет собой такие доходы.",
            [18] = "Юридические лица несут уголовную, гражданско-правовую или административную ответственность, и к ним применяются эффективные, соразмерные и оказывающие сдерживающее воздействие санкции.",
            [19] = "Участие в качестве сообщника, пособника или подстрекателя должно признаваться уголовно наказуемым; криминализация покушения и приготовления необязательна.",
            [20] = "Длительные сроки давности, с более длительным сроком или приостановлением течения срока давности, если лицо, совершившее преступление, уклоняется от правосудия.",
            [21] = "Санкции учитывают степень опасности преступления; любому лицу, подвергающемуся уголовному преследованию, обеспечиваются гарантии справедливого судебного разбирательства.",
            [22] = "Юрисдикция в отношении преступлений, предусмотренных ст. 7–17: обязательная — на территории государства и на его судах и воздушных судах; факультативные основания, например гражданство; юрисдикция в случае невыдачи гражданина.",
            [23] = "Процессуальные полномочия используются для целей конкретных уголовных расследований или производств: преступления, предусмотренные Конвенцией, другие преступления, совершенные с использованием информационно-коммуникационной системы, и электронные доказательства любого уголовного преступления.",
            [24] = "Каждое процессуальное полномочие подчиняется условиям и гарантиям, предусмотренным внутренним правом и соответствующим праву в области прав человека, включая соразмерность.",
            [25] = "Органы власти могут распорядиться об оперативном обеспечении сохранности конкретных хранимых электронных данных на необходимый срок, но не более 90 дней, с тем чтобы можно было добиваться их раскрытия.",
            [26] = "Данные о трафике сохраняются независимо от того, участвовал ли один поставщик или несколько, и в достаточном объеме оперативно раскрываются для установления поставщиков и пути передачи сообщения.",
            [27] = "Распоряжения лицу о предоставлении конкретных электронных данных и поставщику услуг — о предоставлении информации об абонентах.",
            [28] = "Обыск информационно-коммуникационных систем и носителей информации на своей территории или доступ к ним, а также изъятие электронных данных или обеспечение их сохранности.",
            [29] = "Сбор или запись данных о трафике в режиме реального времени либо обязание поставщика услуг делать это в пределах имеющихся у него технических возможностей.",
            [30] = "Перехват данных о содержании в связи с рядом серьезных преступлений, определяемых внутренним правом.",
            [31] = "Замораживание, арест и конфискация доходов от преступлений и орудий преступлений; банковская тайна не является препятствием.",
            [32] = "Предыдущие обвинительные приговоры, вынесенные в другом государстве, могут приниматься во внимание.",
            [33] = "Защита свидетелей, а также потерпевших, являющихся свидетелями, включая переселение и дачу показаний с помощью видеосвязи.",
            [34] = "Помощь и защита потерпевших, а также процедуры получения компенсации и возмещения ущерба.",
            [35] = "Сотрудничество в отношении преступлений, предусмотренных Конвенцией, и электронных доказательств любого серьезного преступления; требование обоюдного признания деяния преступлением считается выполненным, если деяние является уголовно наказуемым в обоих государствах, независимо от наименования преступления.",
            [36] = "Персональные данные передаются только в соответствии с правом передающего государства, которое может устанавливать условия; их дальнейшая передача требует предварительного разрешения этого государства.",
            [37] = "Выдача за преступления, предусмотренные Конвенцией; государство, отказывающее в выдаче исключительно на основании гражданства, по просьбе запрашивающего государства передает дело для целей уголовного преследования.",
            [38] = "Государства могут заключать соглашения о передаче осужденных лиц.",
            [39] = "Государства рассматривают возможность передачи друг другу уголовного производства в интересах правосудия.",
            [40] = "Взаимная правовая помощь: центральные органы, приемлемые языки, содержание просьбы, ограниченные основания для отказа с указанием причин; вопросы налогообложения и банковская тайна не являются основаниями для отказа.",
            [41] = "Каждое государство назначает контактный пункт, действующий 24 часа в сутки 7 дней в неделю, для оказания незамедлительной помощи, способный оперативно связываться с другими контактными пунктами.",
            [42] = "Государство может просить другое государство оперативно обеспечить сохранность хранимых электронных данных до поступления его просьбы о взаимной правовой помощи; обоюдное признание деяния преступлением не требуется; сохранность обеспечивается не менее 60 дней.",
            [43] = "Если при обеспечении сохранности данных о трафике государство обнаруживает, что в передаче участвовал поставщик в другом государстве, оно оперативно раскрывает достаточный объем данных о трафике для установления этого поставщика и пути передачи.",
            [44] = "Взаимная правовая помощь в целях обыска, изъятия и раскрытия хранимых электронных данных, включая данные, сохраненные в соответствии со ст. 42.",
            [45] = "Государства стремятся оказывать друг другу помощь в сборе данных о трафике в режиме реального времени.",
            [46] = "Государства стремятся оказывать друг другу помощь в перехвате данных о содержании в той мере, в какой это допускается их договорами и законами.",
            [47] = "Сотрудничество между правоохранительными органами: безопасные и оперативные каналы, проведение расследований в отношении подозреваемых и доходов, а также обмен информацией о методах.",
            [48] = "Совместные следственные органы — на основе соглашения или в каждом отдельном случае — при полном уважении суверенитета государства, на территории которого проводится расследование.",
            [49] = "Исполнение иностранных постановлений о конфискации, а также замораживание или арест имущества на основании иностранного постановления или просьбы.",
            [50] = "По просьбе — получение или исполнение постановлений о конфискации, а также выявление, отслеживание, замораживание и арест доходов.",
            [51] = "Информация о доходах от преступлений может направляться без предварительной просьбы.",
            [52] = "Распоряжение конфискованными доходами осуществляется в соответствии с внутренним правом, при этом в первоочередном порядке рассматривается возможность их возвращения запрашивающему государству в интересах потерпевших или собственников.",
            [53] = "Меры по предупреждению с участием гражданского общества и частного сектора; Генеральному секретарю сообщается об органе, отвечающем за предупреждение.",
            [54] = "Техническая помощь и наращивание потенциала, особенно в интересах развивающихся стран, включая подготовку по вопросам электронных доказательств.",
            [55] = "Государства рассматривают возможность анализа тенденций, обмена статистическими данными и обмена информацией о правовых, политических и технологических изменениях.",
            [56] = "Осуществление Конвенции на основе экономического развития и технической помощи, включая добровольные взносы в механизм финансирования Организации Объединенных Наций.",
            [57] = "Учреждается Конференция государств-участников в целях улучшения сотрудничества, а также содействия осуществлению Конвенции и проведения его обзора.",
            [58] = "Генеральный секретарь обеспечивает секретариатское обслуживание Конференции.",
            [59] = "Государства принимают меры, необходимые для осуществления Конвенции, и могут принимать более строгие меры.",
            [60] = "Существующие или будущие договоры между сторонами по-прежнему могут применяться; другие права и обязательства по международному праву не затрагиваются.",
            [61] = "Участниками протокола могут стать только участники Конвенции, и протокол имеет обязательную силу только для его участников.",
            [62] = "Дополнительные протоколы могут рассматриваться после того, как Конвенция получит не менее 60 ратификаций, принятий, утверждений или присоединений.",
            [63] = "Споры урегулируются путем переговоров, затем передаются в арбитраж, а затем в Международный Суд; государство может заявить, что оно не связано этим пунктом.",
            [64] = "Открыта для подписания в Ханое 25–26 октября 2025 года и в Центральных учреждениях Организации Объединенных Наций в Нью-Йорке до 31 декабря 2026 года; подлежит ратификации, принятию или утверждению; открыта для присоединения.",
            [65] = "Вступает в силу на 90-й день после сдачи на хранение 40-го документа, причем документ организации не засчитывается в качестве дополнительного; для участника, присоединившегося позднее, — через 30 дней после сдачи им собственного документа.",
            [66] = "Поправки могут предлагаться по истечении пяти лет после вступления в силу и принимаются консенсусом или, в качестве крайней меры, большинством в две трети голосов государств-участников, присутствующих и участвующих в голосовании.",
            [67] = "Денонсация путем письменного уведомления Генерального секретаря вступает в силу через год после получения им такого уведомления.",
            [68] = "Депозитарием является Генеральный секретарь; аутентичными языками являются английский, арабский, испанский, китайский, русский и французский.",
        },
        ["ar"] = new()
        {
            [1] = "أغراض الاتفاقية: منع الجريمة السيبرانية ومكافحتها بمزيد من الكفاءة والفعالية، وتعزيز التعاون الدولي، وتشجيع المساعدة التقنية وبناء القدرات، ولا سيما لصالح البلدان النامية.",
            [2] = "تعرف المصطلحات التي تستخدمها الاتفاقية في الفقرات الفرعية (أ)–(س)، ومنها نظام تكنولوجيا المعلومات والاتصالات، والبيانات الإلكترونية، وبيانات الحركة، وبيانات المحتوى، ومقدم الخدمات، ومعلومات المشترك، والبيانات الشخصية، والجريمة الخطيرة، وحالة الطوارئ.",
            [3] = "تشمل الاتفاقية منع الجرائم المقررة فيها والتحقيق فيها وملاحقة مرتكبيها قضائيا، بما في ذلك تجميد العائدات وحجزها ومصادرتها وإرجاعها، وجمع الأدلة الإلكترونية وحفظها وتبادلها لأغراض التحقيقات والإجراءات الجنائية.",
            [4] = "يجب أن تكون الجرائم المقررة في اتفاقيات الأمم المتحدة وبروتوكولاتها الأخرى التي انضمت إليها الدولة مجرمة أيضا بموجب قانونها عند ارتكابها من خلال نظم تكنولوجيا المعلومات والاتصالات؛ ولا تنشأ بذلك جرائم جديدة بمقتضى الاتفاقية.",
            [5] = "تنفذ الالتزامات على نحو يتسق مع مبادئ المساواة في السيادة والسلامة الإقليمية وعدم التدخل؛ ولا تمارس أي دولة في إقليم دولة أخرى الولاية القضائية أو الوظائف المنوطة بالسلطات المحلية لتلك الدولة.",
            [6] = "يجب أن يتسق التنفيذ مع القانون الدولي لحقوق الإنسان؛ ولا يجوز تفسير أي حكم في الاتفاقية على أنه يسمح بقمع حقوق الإنسان أو الحريات الأساسية.",
            [7] = "تجرم الوصول عمدا ودون وجه حق إلى نظام تكنولوجيا المعلومات والاتصالات كله أو جزء منه؛ ويجوز للدولة أن تشترط عناصر إضافية مثل خرق تدابير الأمن.",
            [8] = "تجرم القيام عمدا ودون وجه حق، بوسائل تقنية، باعتراض عمليات الإرسال غير العلنية للبيانات الإلكترونية.",
            [9] = "تجرم القيام عمدا ودون وجه حق بإتلاف البيانات الإلكترونية أو حذفها أو إفسادها أو تغييرها أو حجبها.",
            [10] = "تجرم القيام عمدا ودون وجه حق بإعاقة عمل نظام تكنولوجيا المعلومات والاتصالات إعاقة خطيرة.",
            [11] = "تجرم إتاحة أو حيازة الأجهزة أو البرامج أو بيانات اعتماد الوصول المعدة لارتكاب الجرائم المنصوص عليها في المواد 7 إلى 10؛ ويجوز للدولة أن تبدي تحفظا، إلا فيما يتعلق ببيع بيانات الاعتماد أو توزيعها.",
            [12] = "تجرم القيام عمدا بإدخال بيانات إلكترونية أو تغييرها أو حذفها أو حجبها بحيث تعامل بيانات غير أصلية على أنها أصلية للأغراض القانونية.",
            [13] = "تجرم التسبب في فقدان شخص آخر لممتلكات عن طريق التلاعب بالبيانات أو التدخل في عمل نظام أو خداع شخص ما من خلال نظام تكنولوجيا المعلومات والاتصالات، بقصد تحقيق كسب.",
            [14] = "تجرم إنتاج مواد الاعتداء الجنسي على الأطفال أو استغلالهم جنسيا عبر الإنترنت التي تصور أي شخص دون سن 18 عاما، أو توزيعها أو الوصول إليها أو حيازتها أو تمويلها.",
            [15] = "تجرم التواصل مع طفل أو استدراجه أو استمالته أو الترتيب معه من خلال نظام تكنولوجيا المعلومات والاتصالات بغرض ارتكاب جريمة جنسية ضده.",
            [16] = "تجرم إتاحة صورة حميمة لشخص ما من خلال نظام تكنولوجيا المعلومات والاتصالات دون موافقة ذلك الشخص.",
            [17] = "تجرم غسل عائدات الجرائم المقررة في الاتفاقية: تحويل الممتلكات أو نقلها أو إخفاؤها أو اكتسابها أو حيازتها مع العلم بأنها من تلك العائدات.",
            [18] = "تخضع الهيئات الاعتبارية للمسؤولية الجنائية أو المدنية أو الإدارية، وتفرض عليها جزاءات فعالة ومتناسبة ورادعة.",
            [19] = "يجب تجريم المشاركة بصفة طرف متواطئ أو مساعد أو محرض؛ أما تجريم الشروع والإعداد فاختياري.",
            [20] = "مدد تقادم طويلة، مع مدة أطول أو تعليق العمل بالتقادم في حال إفلات الجاني من يد العدالة.",
            [21] = "تراعى في الجزاءات جسامة الجرم؛ ويتمتع كل من يلاحق قضائيا بضمانات المحاكمة العادلة.",
            [22] = "الولاية القضائية على الجرائم المنصوص عليها في المواد 7 إلى 17: إلزامية في إقليم الدولة وعلى متن سفنها وطائراتها؛ وأسس اختيارية مثل الجنسية؛ والولاية القضائية في حال عدم تسليم أحد مواطنيها.",
            [23] = "تستخدم الصلاحيات الإجرائية لأغراض تحقيقات أو إجراءات جنائية محددة: الجرائم المقررة في الاتفاقية، والجرائم الأخرى المرتكبة بواسطة نظام تكنولوجيا المعلومات والاتصالات، والأدلة الإلكترونية على أي جريمة جنائية.",
            [24] = "تخضع كل صلاحية إجرائية للشروط والضمانات المنصوص عليها في القانون الداخلي والمتسقة مع قانون حقوق الإنسان، بما في ذلك التناسب.",
            [25] = "يجوز للسلطات أن تأمر بالحفظ العاجل لبيانات إلكترونية مخزنة محددة، تحفظ طالما كان ذلك ضروريا ولمدة أقصاها 90 يوما، لكي يتسنى طلب الكشف عنها.",
            [26] = "تحفظ بيانات الحركة سواء شارك مقدم خدمات واحد أو عدة مقدمين، ويكشف بسرعة عن قدر كاف منها لتحديد هوية مقدمي الخدمات ومسار الاتصال.",
            [27] = "أوامر لشخص بتقديم بيانات إلكترونية محددة، ولمقدم خدمات بتقديم معلومات المشتركين.",
            [28] = "تفتيش نظم تكنولوجيا المعلومات والاتصالات ووسائط التخزين الموجودة في الإقليم أو الوصول إليها، وضبط البيانات الإلكترونية أو تأمينها.",
            [29] = "جمع بيانات الحركة أو تسجيلها في الوقت الحقيقي، أو إلزام مقدم الخدمات بذلك في حدود قدرته التقنية القائمة.",
            [30] = "اعتراض بيانات المحتوى، فيما يتعلق بطائفة من الجرائم الخطيرة يحددها القانون الداخلي.",
            [31] = "تجميد عائدات الجرائم والأدوات المستخدمة فيها وحجزها ومصادرتها؛ ولا تشكل السرية المصرفية عائقا.",
            [32] = "يجوز أخذ أحكام الإدانة السابقة الصادرة في دولة أخرى بعين الاعتبار.",
            [33] = "حماية الشهود، والضحايا الذين هم شهود، بما في ذلك توفير أماكن إقامة جديدة لهم والإدلاء بالشهادة عن طريق الفيديو.",
            [34] = "مساعدة الضحايا وحمايتهم، مع إجراءات للحصول على التعويض وجبر الأضرار.",
            [35] = "التعاون بشأن الجرائم المقررة في الاتفاقية وبشأن الأدلة الإلكترونية على أي جريمة خطيرة؛ ويعتبر شرط ازدواجية التجريم مستوفى إذا كان السلوك مجرما في كلتا الدولتين، أيا كانت تسمية الجرم.",
            [36] = "لا تنقل البيانات الشخصية إلا وفقا لقانون الدولة الناقلة، الذي يجوز أن يفرض شروطا؛ ويستلزم نقلها اللاحق الحصول على إذن مسبق من تلك الدولة.",
            [37] = "تسليم المجرمين بسبب الجرائم المقررة في الاتفاقية؛ وتعرض الدولة التي ترفض التسليم لمجرد الجنسية القضية بقصد الملاحقة القضائية بناء على طلب الدولة الطالبة.",
            [38] = "يجوز للدول أن تبرم اتفاقات بشأن نقل الأشخاص المحكوم عليهم.",
            [39] = "تنظر الدول في نقل الإجراءات الجنائية فيما بينها تحقيقا لمصلحة العدالة.",
            [40] = "المساعدة القانونية المتبادلة: السلطات المركزية، واللغات المقبولة، ومضمون الطلب، وأسباب محدودة للرفض مع إبداء الأسباب؛ ولا تشكل المسائل المالية والسرية المصرفية أسبابا للرفض.",
            [41] = "تعين كل دولة جهة اتصال متاحة على مدار 24 ساعة في اليوم، 7 أيام في الأسبوع، لتقديم المساعدة الفورية، وقادرة على التواصل مع جهات الاتصال الأخرى على وجه السرعة.",
            [42] = "يجوز للدولة أن تطلب من دولة أخرى الحفظ العاجل لبيانات إلكترونية مخزنة إلى حين تقديم طلبها للمساعدة القانونية المتبادلة؛ ولا تشترط ازدواجية التجريم؛ ويستمر الحفظ مدة لا تقل عن 60 يوما.",
            [43] = "إذا تبين للدولة، أثناء حفظ بيانات الحركة، أن مقدم خدمات في دولة أخرى شارك في الإرسال، فإنها تكشف بسرعة عن قدر كاف من بيانات الحركة لتحديد هوية مقدم الخدمات ذاك والمسار.",
            [44] = "المساعدة القانونية المتبادلة في تفتيش البيانات الإلكترونية المخزنة وضبطها والكشف عنها، بما في ذلك البيانات المحفوظة بموجب المادة 42.",
            [45] = "تسعى الدول إلى مساعدة بعضها بعضا في جمع بيانات الحركة في الوقت الحقيقي.",
            [46] = "تسعى الدول إلى مساعدة بعضها بعضا في اعتراض بيانات المحتوى، بالقدر الذي تسمح به معاهداتها وقوانينها.",
            [47] = "التعاون في مجال إنفاذ القانون: قنوات آمنة وسريعة، وإجراء التحريات عن المشتبه فيهم والعائدات، وتبادل المعلومات عن الأساليب.",
            [48] = "هيئات تحقيق مشتركة، بموجب اتفاق أو على أساس كل حالة على حدة، مع الاحترام التام لسيادة الدولة التي يجري التحقيق في إقليمها.",
            [49] = "إنفاذ أوامر المصادرة الأجنبية، وتجميد الممتلكات أو حجزها بناء على أمر أو طلب أجنبي.",
            [50] = "بناء على طلب، استصدار أوامر المصادرة أو إنفاذها، وتحديد العائدات واقتفاء أثرها وتجميدها وحجزها.",
            [51] = "يجوز إحالة المعلومات عن عائدات الجرائم دون طلب مسبق.",
            [52] = "يتصرف في العائدات المصادرة وفقا للقانون الداخلي، مع النظر على سبيل الأولوية في إرجاعها إلى الدولة الطالبة لصالح الضحايا أو المالكين.",
            [53] = "تدابير وقائية يشارك فيها المجتمع المدني والقطاع الخاص؛ ويبلغ الأمين العام بالسلطة المعنية بالمنع.",
            [54] = "المساعدة التقنية وبناء القدرات، ولا سيما لصالح البلدان النامية، بما في ذلك التدريب على الأدلة الإلكترونية.",
            [55] = "تنظر الدول في تحليل الاتجاهات وتبادل الإحصاءات وتبادل المعلومات عن التطورات القانونية والسياساتية والتكنولوجية.",
            [56] = "تنفيذ الاتفاقية من خلال التنمية الاقتصادية والمساعدة التقنية، بما في ذلك المساهمات الطوعية في آلية تمويل تابعة للأمم المتحدة.",
            [57] = "ينشأ مؤتمر الدول الأطراف من أجل تحسين التعاون وتشجيع تنفيذ الاتفاقية واستعراضه.",
            [58] = "يوفر الأمين العام خدمات الأمانة للمؤتمر.",
            [59] = "تتخذ الدول التدابير اللازمة لتنفيذ الاتفاقية، ويجوز لها أن تعتمد تدابير أكثر صرامة.",
            [60] = "يجوز الاستمرار في تطبيق المعاهدات القائمة أو المستقبلية بين الأطراف؛ ولا تمس الحقوق والالتزامات الأخرى المترتبة بموجب القانون الدولي.",
            [61] = "لا يجوز أن يصبح طرفا في بروتوكول إلا الأطراف في الاتفاقية، ولا يكون البروتوكول ملزما إلا لأطرافه.",
            [62] = "يجوز النظر في بروتوكولات تكميلية متى حصلت الاتفاقية على 60 تصديقا أو قبولا أو إقرارا أو انضماما على الأقل.",
            [63] = "تحال النزاعات إلى التفاوض، ثم إلى التحكيم، ثم إلى محكمة العدل الدولية؛ ويجوز للدولة أن تعلن أنها غير ملزمة بتلك الفقرة.",
            [64] = "تفتح للتوقيع في هانوي يومي 25 و26 تشرين الأول/أكتوبر 2025 وفي مقر الأمم المتحدة في نيويورك حتى 31 كانون الأول/ديسمبر 2026؛ وتخضع للتصديق أو القبول أو الإقرار؛ ويفتح باب الانضمام إليها.",
            [65] = "يبدأ نفاذها في اليوم 90 بعد إيداع الصك 40، ولا يحتسب صك المنظمة صكا إضافيا؛ وبالنسبة لمن ينضم إليها لاحقا، بعد 30 يوما من إيداع صكه.",
            [66] = "يجوز اقتراح تعديلات بعد انقضاء خمس سنوات على بدء النفاذ، وتعتمد بتوافق الآراء أو، كملاذ أخير، بأغلبية ثلثي الدول الأطراف الحاضرة والمصوتة.",
            [67] = "يصبح الانسحاب، بإشعار كتابي يوجه إلى الأمين العام، نافذا بعد سنة واحدة من تاريخ استلام الأمين العام له.",
            [68] = "الأمين العام هو الوديع؛ واللغات ذات الحجية هي الإسبانية والإنكليزية والروسية والصينية والعربية والفرنسية.",
        },
        ["zh-Hans"] = new()
        {
            [1] = "本公约的宗旨：更高效、更有效地预防和打击网络犯罪，加强国际合作，并促进技术援助和能力建设，特别是针对发展中国家。",
            [2] = "在(a)–(o)项中界定本公约使用的术语，其中包括信息和通信技术系统、电子数据、流量数据和内容数据、服务提供者、订户信息、个人数据、严重犯罪和紧急情况。",
            [3] = "本公约适用于预防、侦查和起诉本公约所列犯罪，包括冻结、扣押、没收和返还犯罪所得，以及为刑事侦查和诉讼收集、保全和分享电子证据。",
            [4] = "一国已加入的其他联合国公约和议定书所确立的犯罪，通过信息和通信技术系统实施时，也必须根据该国法律定为刑事犯罪；本公约不因此确立新的犯罪。",
            [5] = "履行义务应当符合主权平等、领土完整和不干涉原则；任何国家均不在另一国领土内行使管辖权或履行该国当地机关的职能。",
            [6] = "本公约的实施必须符合国际人权法；本公约的任何规定均不得解释为允许压制人权或基本自由。",
            [7] = "将故意无权访问信息和通信技术系统的全部或任何部分的行为定为刑事犯罪；一国可要求具备其他要件，例如突破安全措施。",
            [8] = "将故意无权以技术手段拦截电子数据非公开传输的行为定为刑事犯罪。",
            [9] = "将故意无权损坏、删除、劣化、更改或屏蔽电子数据的行为定为刑事犯罪。",
            [10] = "将故意无权严重妨碍信息和通信技术系统运行的行为定为刑事犯罪。",
            [11] = "将提供或持有旨在实施第7至10条所列犯罪的装置、程序或访问凭证的行为定为刑事犯罪；一国可作出保留，但出售或分发凭证的行为除外。",
            [12] = "将故意输入、更改、删除或屏蔽电子数据，使不真实的数据出于法律目的被视为真实数据的行为定为刑事犯罪。",
            [13] = "将意图获利，通过操纵数据、干扰系统或通过信息和通信技术系统欺骗他人，致使另一人遭受财产损失的行为定为刑事犯罪。",
            [14] = "将制作、分发、访问、持有或资助描绘任何未满18岁者的网上儿童性虐待或性剥削材料的行为定为刑事犯罪。",
            [15] = "将通过信息和通信技术系统与儿童联络、引诱或诱骗儿童或与儿童作出安排，以期对该儿童实施性犯罪的行为定为刑事犯罪。",
            [16] = "将未经本人同意，通过信息和通信技术系统提供某人私密图像的行为定为刑事犯罪。",
            [17] = "将对本公约所列犯罪所得进行洗钱的行为定为刑事犯罪，即转换、转移、隐瞒、获取或占有明知为此类所得的财产。",
            [18] = "法人须承担刑事、民事或行政责任，并受到有效、适度和劝阻性的制裁。",
            [19] = "必须将以共犯、从犯或教唆犯身份参与犯罪的行为定为刑事犯罪；对未遂和预备的定罪为任择性规定。",
            [20] = "较长的追诉时效期限；罪犯逃避司法处置的，时效期限更长或中止计算。",
            [21] = "制裁应考虑到犯罪的严重性；任何被起诉者均享有公正审判保障。",
            [22] = "对第7至17条所列犯罪的管辖权：对本国领域内以及本国船舶和航空器上的犯罪为强制性管辖；国籍等任择性管辖依据；不引渡本国国民时的管辖权。",
            [23] = "程序性权力用于具体的刑事侦查或诉讼：本公约所列犯罪、通过信息和通信技术系统实施的其他犯罪，以及任何刑事犯罪的电子证据。",
            [24] = "每项程序性权力均须遵守符合人权法的国内法条件和保障措施，包括相称性。",
            [25] = "有关当局可下令快速保全特定的已存储电子数据，保全期限以必要为限，最长90天，以便寻求披露。",
            [26] = "无论有一个还是多个服务提供者参与，流量数据均予以保全，并迅速披露足够的流量数据，以识别服务提供者和通信路径。",
            [27] = "命令某人提交特定电子数据，命令服务提供者提交订户信息。",
            [28] = "搜查或访问境内的信息和通信技术系统及存储介质，以及扣押或固定电子数据。",
            [29] = "实时收集或记录流量数据，或强制服务提供者在其现有技术能力范围内进行收集或记录。",
            [30] = "就国内法确定的一系列严重犯罪拦截内容数据。",
            [31] = "冻结、扣押和没收犯罪所得和犯罪工具；银行保密不构成障碍。",
            [32] = "可考虑在另一国先前作出的定罪。",
            [33] = "保护证人以及作为证人的被害人，包括异地安置和通过视频作证。",
            [34] = "向被害人提供帮助和保护，并规定获得赔偿和返还的程序。",
            [35] = "就本公约所列犯罪以及任何严重犯罪的电子证据开展合作；只要有关行为在两国均构成犯罪，无论罪名如何，即视为符合两国共认犯罪的要求。",
            [36] = "个人数据只能依照转移国的法律进行转移，该法律可规定条件；再转移须事先获得该国授权。",
            [37] = "就本公约所列犯罪进行引渡；仅以国籍为由拒绝引渡的国家，应请求国的要求将案件提交起诉。",
            [38] = "各国可缔结关于移管被判刑人的协定。",
            [39] = "各国考虑为司法利益相互移交刑事诉讼。",
            [40] = "司法协助：中央机关、可接受的语文、请求书的内容、有限的拒绝理由并须说明理由；财务事项和银行保密不构成拒绝理由。",
            [41] = "各国指定一个全天候联络点，每周7天、每天24小时可用，以提供即时协助，并能够与其他联络点快速联络。",
            [42] = "一国可请求另一国快速保全已存储的电子数据，直至其提出司法协助请求；无需满足两国共认犯罪的要求；保全期限至少60天。",
            [43] = "一国在保全流量数据时，如发现另一国的服务提供者参与了传输，则迅速披露足够的流量数据，以识别该服务提供者和传输路径。",
            [44] = "就搜查、扣押和披露已存储的电子数据提供司法协助，包括根据第42条保全的数据。",
            [45] = "各国努力在实时收集流量数据方面相互协助。",
            [46] = "各国在其条约和法律允许的范围内，努力在拦截内容数据方面相互协助。",
            [47] = "执法合作：安全快速的渠道、对嫌疑人和犯罪所得的调查，以及交流有关方法的信息。",
            [48] = "通过协定或逐案设立联合侦查机构，充分尊重侦查所在地国的主权。",
            [49] = "使外国没收令生效，并根据外国命令或请求冻结或扣押财产。",
            [50] = "根据请求，申请或执行没收令，并辨认、追查、冻结和扣押犯罪所得。",
            [51] = "可在未经事先请求的情况下转交有关犯罪所得的信息。",
            [52] = "没收的犯罪所得依照国内法处置，并优先考虑为被害人或所有人的利益将其返还请求国。",
            [53] = "有民间社会和私营部门参与的预防措施；须将负责预防的机关告知秘书长。",
            [54] = "技术援助和能力建设，特别是针对发展中国家，包括电子证据方面的培训。",
            [55] = "各国考虑分析趋势、共享统计数据，并就法律、政策和技术发展交流信息。",
            [56] = "通过经济发展和技术援助实施本公约，包括向联合国供资机制提供自愿捐款。",
            [57] = "设立缔约国会议，以改进合作并促进和审查本公约的实施。",
            [58] = "秘书长为缔约国会议提供秘书处服务。",
            [59] = "各国采取实施本公约所需的措施，并可采取更为严格的措施。",
            [60] = "缔约方之间现有或今后的条约仍可适用；国际法规定的其他权利和义务不受影响。",
            [61] = "只有本公约缔约方才可成为议定书缔约方，且议定书仅对其缔约方具有约束力。",
            [62] = "本公约获得至少60项批准、接受、核准或加入后，可审议补充议定书。",
            [63] = "争端先通过谈判解决，然后提交仲裁，再提交国际法院；一国可声明不受该款约束。",
            [64] = "在河内于2025年10月25日至26日、在纽约联合国总部至2026年12月31日开放供签署；须经批准、接受或核准；开放供加入。",
            [65] = "自第40份文书交存后第90天起生效，组织的文书不另行计算；对于后来加入者，自其交存文书后30天起生效。",
            [66] = "本公约生效五年后可提出修正案，修正案以协商一致方式通过，或作为最后手段，以出席并参加表决的缔约国三分之二多数通过。",
            [67] = "以书面通知秘书长的方式作出的退约，自秘书长收到通知之日起一年后生效。",
            [68] = "秘书长为保存人；作准语文为阿拉伯文、中文、英文、法文、俄文和西班牙文。",
        },
    };

    /// <summary>
    /// The summary of an article in the reader's language, so that the line beside a citation is one they read
    /// without switching to English. <paramref name="language"/> is a tag as a browser or profile sends it: a regional
    /// tag falls back to its language ("fr-FR" and "fr_CA" read "fr"), and every Chinese tag ("zh", "zh-CN",
    /// "zh-Hans-CN", and also "zh-TW") gets the Simplified Chinese, the one written form the UN uses, which serves
    /// such a reader better than English. "en", and any language without a translation, get the English line rather
    /// than nothing, because a summary in English is better than a blank. Null only when there is no English summary:
    /// a translation never exists without the English it translates.
    /// </summary>
    public static string? For(int article, string language)
    {
        var english = For(article);
        if (english is null)
        {
            return null;
        }

        var key = TranslationKey(language);
        return key is not null && Translations[key].TryGetValue(article, out var translated) ? translated : english;
    }

    /// <summary>The key of <see cref="Translations"/> a language tag reads as, or null for English and the rest.</summary>
    private static string? TranslationKey(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var tag = language.AsSpan().Trim();
        if (IsLanguage(tag, "zh"))
        {
            return "zh-Hans";
        }

        foreach (var key in Translations.Keys)
        {
            if (IsLanguage(tag, key))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a tag is the language itself or the language with further subtags ("fr", "FR-fr", "fr_CA"), compared
    /// without regard to case as BCP 47 tags are; "fra" or "frr" is not "fr".
    /// </summary>
    private static bool IsLanguage(ReadOnlySpan<char> tag, string language) =>
        tag.StartsWith(language, StringComparison.OrdinalIgnoreCase)
        && (tag.Length == language.Length || tag[language.Length] is '-' or '_');
}
